// The browsable API reference at /api/v1/docs: one HTML page and one script, both served by this process (the machines
// have no internet, and the CSP allows scripts from this origin only). The script reads /api/v1/openapi.json and
// lists the operations by tag, with their parameters, bodies, answers and error codes; schemas open by a click.

export const API_REFERENCE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>整改台账 API 参考</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #1f2329; background: #f5f6f7; }
  header { background: #a61b1b; color: #fff; padding: 16px 32px; }
  header h1 { margin: 0; font-size: 22px; }
  header p { margin: 6px 0 0; font-size: 14px; opacity: .9; }
  main { max-width: 1100px; margin: 0 auto; padding: 16px 32px 64px; }
  nav a { margin-right: 16px; color: #a61b1b; }
  h2 { border-bottom: 2px solid #a61b1b; padding-bottom: 4px; margin-top: 32px; }
  details.op { background: #fff; border: 1px solid #dde0e3; border-radius: 6px; margin: 8px 0; }
  details.op > summary { cursor: pointer; padding: 10px 14px; display: flex; gap: 12px; align-items: baseline; }
  .method { font: bold 13px monospace; padding: 2px 8px; border-radius: 4px; color: #fff; min-width: 56px; text-align: center; }
  .GET { background: #2b7a3d; } .POST { background: #1d5fb4; } .PUT { background: #8a5a00; }
  .PATCH { background: #6b3fa0; } .DELETE { background: #b42318; }
  .path { font-family: monospace; font-size: 14px; }
  .op-body { padding: 4px 18px 14px; border-top: 1px solid #eef0f2; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 6px 0; }
  th, td { border: 1px solid #e3e5e8; padding: 4px 8px; text-align: left; vertical-align: top; }
  th { background: #fafbfc; }
  pre { background: #f7f8fa; padding: 8px; overflow-x: auto; font-size: 12px; margin: 4px 0; }
  .status { font-family: monospace; font-weight: bold; }
  .muted { color: #646a73; font-size: 13px; }
  a.ref { color: #1d5fb4; cursor: pointer; }
</style>
</head>
<body>
<header><h1>整改台账 API 参考</h1><p id="intro">正在读取 /api/v1/openapi.json …</p></header>
<main id="reference" aria-live="polite"></main>
<script src="/api/v1/docs/reference.js"></script>
</body>
</html>
`;

export const API_REFERENCE_SCRIPT = `"use strict";
(function () {
  var root = document.getElementById("reference");
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }
  function text(tag, value, attrs) { return el(tag, attrs, [String(value)]); }
  function refName(ref) { return ref.replace("#/components/schemas/", ""); }
  function schemaBlock(schema) {
    if (schema && schema.$ref) {
      var name = refName(schema.$ref);
      return el("a", { class: "ref", href: "#schema-" + name }, [name]);
    }
    return text("pre", JSON.stringify(schema, null, 2));
  }
  function table(headers, rows) {
    return el("table", {}, [
      el("tr", {}, headers.map(function (h) { return text("th", h); })),
    ].concat(rows.map(function (cells) {
      return el("tr", {}, cells.map(function (c) { return el("td", {}, [c]); }));
    })));
  }
  function operation(method, path, op) {
    var body = el("div", { class: "op-body" });
    if (op.security && op.security.length === 0) body.append(text("p", "无需登录", { class: "muted" }));
    if (op.parameters) {
      body.append(text("h4", "参数"));
      body.append(table(["名称", "位置", "必填", "说明", "类型"], op.parameters.map(function (p) {
        return [p.name, p.in, p.required ? "是" : "否", p.description || "", schemaBlock(p.schema)];
      })));
    }
    if (op.requestBody) {
      body.append(text("h4", "请求内容"));
      Object.keys(op.requestBody.content).forEach(function (type) {
        body.append(text("p", type, { class: "muted" }));
        body.append(schemaBlock(op.requestBody.content[type].schema));
      });
    }
    body.append(text("h4", "应答"));
    body.append(table(["状态", "说明", "内容"], Object.keys(op.responses).map(function (status) {
      var r = op.responses[status];
      var content = r.content ? Object.keys(r.content).map(function (type) {
        var s = r.content[type].schema;
        return s && s.$ref ? schemaBlock(s) : type;
      }) : [];
      var cell = el("div", {}, content.length ? [content[0]] : []);
      return [text("span", status, { class: "status" }), text("pre", r.description), cell];
    })));
    return el("details", { class: "op", id: op.operationId }, [
      el("summary", {}, [
        text("span", method.toUpperCase(), { class: "method " + method.toUpperCase() }),
        text("span", path, { class: "path" }),
        text("span", op.summary || ""),
      ]),
      body,
    ]);
  }
  function render(doc) {
    document.getElementById("intro").textContent = doc.info.description;
    var byTag = {};
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var tag = (op.tags && op.tags[0]) || "其他";
        (byTag[tag] = byTag[tag] || []).push(operation(method, path, op));
      });
    });
    var tags = doc.tags.map(function (t) { return t.name; });
    root.append(el("nav", { "aria-label": "分类" }, tags.concat(["数据结构"]).map(function (t) {
      return el("a", { href: "#tag-" + t }, [t]);
    })));
    tags.forEach(function (t) {
      root.append(text("h2", t, { id: "tag-" + t }));
      (byTag[t] || []).forEach(function (node) { root.append(node); });
    });
    root.append(text("h2", "数据结构", { id: "tag-数据结构" }));
    Object.keys(doc.components.schemas).forEach(function (name) {
      root.append(el("details", { class: "op", id: "schema-" + name }, [
        el("summary", {}, [text("span", name, { class: "path" })]),
        el("div", { class: "op-body" }, [text("pre", JSON.stringify(doc.components.schemas[name], null, 2))]),
      ]));
    });
    root.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.ref");
      if (!link) return;
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) target.open = true;
    });
  }
  fetch("/api/v1/openapi.json", { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(render)
    .catch(function (e) { document.getElementById("intro").textContent = "无法读取接口说明：" + e.message; });
})();
`;
