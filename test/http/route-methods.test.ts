import { describe, expect, it } from "vitest";
import { createRouteMethods } from "../../src/http/route-methods.ts";

describe("createRouteMethods", () => {
  const routes = () => {
    const table = createRouteMethods();
    table.add("GET", "/api/v1/inspections");
    table.add("HEAD", "/api/v1/inspections");
    table.add(["POST", "PUT"], "/api/v1/inspections/:id");
    table.add("GET", "/api/v1/reports/:from-:to");
    table.add("GET", "/api/v1/measures/:id(^\\d+$)");
    table.add("GET", "/files/*");
    table.add("GET", "/api/v1/orgs/:id?");
    table.add("GET", "/api/v1/time::now");
    return table;
  };

  it("lists the methods of the one pattern a concrete path matches, GET with HEAD, in a stable order", () => {
    expect(routes().methodsFor("/api/v1/inspections")).toEqual(["GET", "HEAD"]);
    expect(routes().methodsFor("/api/v1/inspections/abc")).toEqual(["POST", "PUT"]);
  });

  it("adds HEAD wherever GET is served", () => {
    const table = createRouteMethods();
    table.add("GET", "/x");
    expect(table.methodsFor("/x")).toEqual(["GET", "HEAD"]);
  });

  it("matches parameters inside one segment, regular-expression parameters and wildcards", () => {
    const table = routes();
    expect(table.methodsFor("/api/v1/reports/2021-2022")).toEqual(["GET", "HEAD"]);
    expect(table.methodsFor("/api/v1/measures/42")).toEqual(["GET", "HEAD"]);
    expect(table.methodsFor("/api/v1/measures/abc")).toEqual([]);
    expect(table.methodsFor("/files/a/b/c.txt")).toEqual(["GET", "HEAD"]);
    expect(table.methodsFor("/files/")).toEqual(["GET", "HEAD"]);
    expect(table.methodsFor("/api/v1/orgs/abc")).toEqual(["GET", "HEAD"]);
    expect(table.methodsFor("/api/v1/orgs")).toEqual(["GET", "HEAD"]);
    expect(table.methodsFor("/api/v1/time:now")).toEqual(["GET", "HEAD"]);
  });

  it("decodes percent-encoded segments like the router and refuses what it cannot decode", () => {
    const table = routes();
    expect(table.methodsFor("/api/v1/%69nspections")).toEqual(["GET", "HEAD"]);
    expect(table.methodsFor("/api/v1/inspections/a%2Fb")).toEqual(["POST", "PUT"]);
    expect(table.methodsFor("/api/v1/inspections/%E0%A4%A")).toEqual([]);
  });

  it("matches nothing for empty parameters, extra segments or a trailing slash", () => {
    const table = routes();
    expect(table.methodsFor("/api/v1/inspections/")).toEqual([]);
    expect(table.methodsFor("/api/v1/inspections/abc/def")).toEqual([]);
    expect(table.methodsFor("/nothing")).toEqual([]);
  });
});
