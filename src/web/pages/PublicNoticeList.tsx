// 公开信息's list: the published notices newest first, grouped by unit as they come, narrowed by a unit (picked among
// the units that have notices, looked up by name on the server) and by words. The address carries both (a found list
// can be shared as a link); Back undoes a filter. Shows only what the public API answers.
import { Button, Card, Input, List, Result, Select, Typography } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { api, errorText } from "../api.ts";
import { ErrorNote, PageState } from "../components/PageState.tsx";
import { NO_PUBLIC_FILTERS, publicFiltersOf, publicListPath, type PublicFilters } from "../public-filters.ts";
import { linkTo, navigate, paths } from "../router.ts";
import { useLoad } from "../use-load.ts";

type NoticeSummary = AnswerOfRoute<ApiRoutes["listPublicNotices"]>["items"][number];
type UnitList = AnswerOfRoute<ApiRoutes["listPublicUnits"]>;

let lastListPath = "/public";
/** The list's address as last shown, with its filters: the notice page leads back to it. */
export const publicListReturnPath = (): string => lastListPath;

/** The API's query for the filters (an empty one asks for everything). */
const queryOf = (filters: PublicFilters, cursor?: string) => ({
  ...(filters.unitId === "" ? {} : { unitId: filters.unitId }),
  ...(filters.q === "" ? {} : { q: filters.q }),
  ...(cursor === undefined ? {} : { cursor }),
});

export function PublicNoticeList(): ReactNode {
  const [filters, setFilters] = useState(() => publicFiltersOf(window.location.search));
  useEffect(() => {
    const back = () => setFilters(publicFiltersOf(window.location.search));
    window.addEventListener("popstate", back);
    return () => window.removeEventListener("popstate", back);
  }, []);
  useEffect(() => {
    lastListPath = publicListPath(filters);
  }, [filters]);
  const apply = (next: PublicFilters) => {
    navigate(publicListPath(next));
    setFilters(next);
  };
  const [loaded, retry] = useLoad(
    () => api.call("listPublicNotices", { query: queryOf(filters) }),
    [filters.unitId, filters.q],
  );
  // A shared link's unit may lie beyond the picker's first names: its notices name it.
  const shownName =
    loaded.state === "ready"
      ? (loaded.data.items.find((n) => n.unitId === filters.unitId)?.unitName ?? null)
      : null;
  return (
    <>
      <Typography.Title level={3}>各单位巡察整改情况公开</Typography.Title>
      <div className="public-filters" role="search">
        <UnitPicker
          value={filters.unitId}
          shownName={shownName}
          onChange={(unitId) => apply({ ...filters, unitId })}
        />
        <WordSearch value={filters.q} onSearch={(q) => apply({ ...filters, q })} />
      </div>
      <PageState loaded={loaded} retry={retry}>
        {(first) => (
          <Units
            key={publicListPath(filters)}
            filters={filters}
            first={first.items}
            cursor={first.nextCursor}
            onClear={() => apply(NO_PUBLIC_FILTERS)}
          />
        )}
      </PageState>
    </>
  );
}

/** The words box: searches on Enter or its button; clearing it searches for everything again. */
function WordSearch(props: { readonly value: string; readonly onSearch: (q: string) => void }): ReactNode {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  return (
    <Input.Search
      className="public-search"
      aria-label="搜索公开通报"
      placeholder="搜索通报标题或单位名称"
      allowClear
      enterButton="搜索"
      maxLength={100}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => props.onSearch(q.trim())}
    />
  );
}

/**
 * The units that have public notices, by name in pinyin order: the first hundred at once, the others found by typing
 * (the server looks the name up, 250 ms after the last key), each with its count and latest 成文日期.
 */
function UnitPicker(props: {
  readonly value: string;
  readonly shownName: string | null;
  readonly onChange: (unitId: string) => void;
}): ReactNode {
  const [typed, setTyped] = useState("");
  const [units, setUnits] = useState<UnitList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        api.call("listPublicUnits", { query: typed === "" ? {} : { q: typed } }).then(
          (answer) => {
            if (!current) return;
            setUnits(answer);
            setError(null);
          },
          (e: unknown) => current && setError(errorText(e)),
        );
      },
      typed === "" ? 0 : 250,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed]);
  const options = (units?.items ?? []).map((u) => ({
    value: u.unitId,
    label: u.unitName,
    detail: `${u.noticeCount}份 · 最新 ${u.latestIssuedOn}`,
  }));
  if (props.value !== "" && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.shownName ?? "所选单位", detail: "" });
  }
  const more = units !== null && units.total > units.items.length;
  return (
    <Select<string>
      className="public-unit-picker"
      aria-label="按单位筛选"
      placeholder="全部单位（可输入名称查找）"
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      // The box empties when the list closes: the next opening starts from the first names again.
      onOpenChange={(open) => open || setTyped("")}
      loading={units === null && error === null}
      value={props.value === "" ? undefined : props.value}
      onChange={(unitId) => props.onChange(unitId ?? "")}
      options={options}
      optionRender={(option) => (
        <div className="public-unit-option">
          <span>{option.label}</span>
          <Typography.Text type="secondary">{option.data.detail}</Typography.Text>
        </div>
      )}
      notFoundContent={error ?? (units === null ? "正在加载单位…" : "没有找到该单位")}
      popupRender={(menu) => (
        <>
          {menu}
          {more && (
            <Typography.Text type="secondary" className="public-unit-more">
              共 {units.total} 个单位，输入名称查找其余的
            </Typography.Text>
          )}
        </>
      )}
    />
  );
}

/** The notices by unit, in the order their newest notice was published; more pages on request, same filters. */
function Units(props: {
  readonly filters: PublicFilters;
  readonly first: readonly NoticeSummary[];
  readonly cursor: string | null;
  readonly onClear: () => void;
}): ReactNode {
  const [items, setItems] = useState<readonly NoticeSummary[]>(props.first);
  const [cursor, setCursor] = useState(props.cursor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const more = async () => {
    if (cursor === null) return;
    setBusy(true);
    setError(null);
    try {
      const page = await api.call("listPublicNotices", { query: queryOf(props.filters, cursor) });
      setItems((before) => [...before, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const filtered = props.filters.unitId !== "" || props.filters.q !== "";
  if (items.length === 0) {
    return filtered ? (
      <Result
        status="info"
        title="没有找到符合条件的公开通报"
        subTitle={
          props.filters.q === "" ? "该单位暂无公开的通报" : `没有标题或单位名称含“${props.filters.q}”的通报`
        }
        extra={<Button onClick={props.onClear}>查看全部公开通报</Button>}
      />
    ) : (
      <Result status="info" title="暂无公开的整改情况通报" />
    );
  }
  const units = new Map<string, NoticeSummary[]>();
  for (const item of items) units.set(item.unitId, [...(units.get(item.unitId) ?? []), item]);
  return (
    <>
      {[...units.values()].map((notices) => (
        <Card key={notices[0]!.unitId} size="small" className="section" title={notices[0]!.unitName}>
          <List
            size="small"
            dataSource={notices}
            renderItem={(n) => (
              <List.Item key={n.id} extra={<Typography.Text type="secondary">{n.issuedOn}</Typography.Text>}>
                <a {...linkTo(paths.publicNotices(n.id))}>{n.title}</a>
              </List.Item>
            )}
          />
        </Card>
      ))}
      <ErrorNote message={error} />
      {cursor !== null && (
        <Button loading={busy} onClick={() => void more()}>
          加载更多
        </Button>
      )}
    </>
  );
}
