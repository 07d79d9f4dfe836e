// 提醒: the caller's own inbox, newest first (unread marked), all or 只看未读, each line with what it is about and a way to
// it; marking one or all read; the next page by the server's cursor; and beside it the caller's notification
// preferences.
import { Button, Card, List, Segmented, Tag, Typography } from "antd";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { WARNING_LEVEL_LABELS } from "../../domain/deadline-warning.ts";
import type { AnswerOfRoute } from "../../shared/api-client.ts";
import type { ApiRoutes } from "../../shared/api-routes.ts";
import { api, errorText } from "../api.ts";
import { NotificationPreferencesCard } from "../components/NotificationPreferencesCard.tsx";
import { EmptyState, ErrorNote, PageState } from "../components/PageState.tsx";
import { formatInstant } from "../labels.ts";
import { linkTo, navigate, parseRoute, paths } from "../router.ts";
import { setUnreadCount } from "../unread-notifications.ts";
import type { Loaded } from "../use-load.ts";
import "../notifications.css";

type Notification = AnswerOfRoute<ApiRoutes["listNotifications"]>["items"][number];
type Level = NonNullable<Notification["level"]>;

interface Inbox {
  readonly items: readonly Notification[];
  readonly nextCursor: string | null;
  readonly unread: number;
}

const PAGE = 20;

const LEVEL_COLORS: Readonly<Record<Level, string>> = {
  green: "green",
  yellow: "gold",
  red: "red",
  overdue: "#a8071a",
};

/** Where a notification leads in the app, with the words of its link; none when its address is not a page. */
function destinationOf(n: Notification): { path: string; label: string } | null {
  if (n.link !== null && n.link.startsWith("/")) {
    const route = parseRoute(new URL(n.link, window.location.origin).pathname);
    if (route.page === "measure") return { path: n.link, label: "查看整改措施" };
    if (route.page === "ledger") return { path: n.link, label: "查看台账" };
    if (route.page !== "notFound" && route.page !== "notifications")
      return { path: n.link, label: "查看详情" };
  }
  if (n.measureId !== null) return { path: paths.measure(n.measureId), label: "查看整改措施" };
  if (n.inspectionId !== null) return { path: paths.ledger(n.inspectionId), label: "查看台账" };
  return null;
}

type Shown = "all" | "unread";

export function NotificationsPage(): ReactNode {
  const [inbox, setInbox] = useState<Loaded<Inbox>>({ state: "loading" });
  const [shown, setShown] = useState<Shown>("all");
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Each load starts a new list: an answer for an older one (another filter, a page asked before) is dropped.
  const generation = useRef(0);
  const query = useCallback(
    (before?: string) => ({
      limit: PAGE,
      ...(shown === "unread" ? { unread: "true" as const } : {}),
      ...(before === undefined ? {} : { before }),
    }),
    [shown],
  );

  const load = useCallback(async () => {
    const current = (generation.current += 1);
    setInbox({ state: "loading" });
    try {
      const page = await api.call("listNotifications", { query: query() });
      if (current === generation.current) setInbox({ state: "ready", data: page });
    } catch (e) {
      if (current === generation.current) setInbox({ state: "error", message: errorText(e) });
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);
  // The bell follows the page's count: every answer and every mark changes it here.
  const unread = inbox.state === "ready" ? inbox.data.unread : null;
  useEffect(() => {
    if (unread !== null) setUnreadCount(unread);
  }, [unread]);

  const update = (change: (data: Inbox) => Inbox) =>
    setInbox((current) =>
      current.state === "ready" ? { state: "ready", data: change(current.data) } : current,
    );

  /** Runs one action of the page: its refusal is said above the list, the busy mark names what runs. */
  const act = async (what: string, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    setNote(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const loadMore = (cursor: string) =>
    act("more", async () => {
      const current = generation.current;
      const page = await api.call("listNotifications", { query: query(cursor) });
      if (current !== generation.current) return;
      update((data) => ({
        items: [...data.items, ...page.items],
        nextCursor: page.nextCursor,
        unread: page.unread,
      }));
    });

  const markRead = (n: Notification) =>
    act(n.id, async () => {
      await api.call("readNotification", { params: { id: n.id } });
      const at = new Date().toISOString();
      update((data) => ({
        ...data,
        unread: Math.max(0, data.unread - 1),
        items: data.items.map((x) => (x.id === n.id ? { ...x, readAt: at } : x)),
      }));
    });

  const markAll = () =>
    act("all", async () => {
      const { marked } = await api.call("readAllNotifications", {});
      const at = new Date().toISOString();
      update((data) => ({
        ...data,
        unread: 0,
        items: data.items.map((x) => ({ ...x, readAt: x.readAt ?? at })),
      }));
      setNote(marked > 0 ? `已将 ${marked} 条提醒标为已读` : "没有未读的提醒");
    });

  /** Following a line's link reads it: marked on the way (a failure leaves it unread, which is then the truth). */
  const follow = (n: Notification, path: string) => {
    if (n.readAt === null) {
      api.call("readNotification", { params: { id: n.id } }).then(
        () => setUnreadCount(unread === null ? null : Math.max(0, unread - 1)),
        () => undefined,
      );
    }
    navigate(path);
  };

  // 只看未读 keeps a line marked read where it is (now shown as read) until the list is loaded again: a line that
  // vanished would slide the next one under the pointer, and the server's cursor pages on from where it was anyway.
  const readInUnreadList =
    shown === "unread" && inbox.state === "ready" && inbox.data.items.some((n) => n.readAt !== null);

  return (
    <>
      <div className="page-heading">
        <Typography.Title level={3}>提醒</Typography.Title>
      </div>
      <div className="admin-columns">
        <Card
          size="small"
          title={inbox.state === "ready" ? `我的提醒（${inbox.data.unread}条未读）` : "我的提醒"}
          extra={
            <Button
              size="small"
              onClick={() => void markAll()}
              loading={busy === "all"}
              disabled={inbox.state !== "ready" || inbox.data.unread === 0}
            >
              全部标为已读
            </Button>
          }
        >
          <div className="inbox-tools">
            <Segmented<Shown>
              aria-label="显示哪些提醒"
              value={shown}
              onChange={(value) => {
                setNote(null);
                setShown(value);
              }}
              options={[
                { value: "all", label: "全部" },
                { value: "unread", label: "只看未读" },
              ]}
            />
            {readInUnreadList && (
              <Typography.Text type="secondary" role="status">
                已读的提醒刷新后不再显示
                <Button type="link" size="small" onClick={() => void load()}>
                  刷新
                </Button>
              </Typography.Text>
            )}
          </div>
          <ErrorNote message={error} />
          {note !== null && (
            <Typography.Paragraph type="success" role="status">
              {note}
            </Typography.Paragraph>
          )}
          <PageState loaded={inbox} retry={() => void load()}>
            {(data) =>
              data.items.length === 0 ? (
                <EmptyState
                  text={
                    shown === "unread"
                      ? "没有未读的提醒。"
                      : "还没有提醒。措施临近或超过整改时限时，会在这里提醒您。"
                  }
                />
              ) : (
                <>
                  <List<Notification>
                    aria-label="提醒列表"
                    dataSource={[...data.items]}
                    renderItem={(n) => (
                      <NotificationLine
                        n={n}
                        busy={busy === n.id}
                        onRead={() => void markRead(n)}
                        onFollow={(path) => follow(n, path)}
                      />
                    )}
                  />
                  {data.nextCursor !== null && (
                    <div className="inbox-more">
                      <Button onClick={() => void loadMore(data.nextCursor!)} loading={busy === "more"}>
                        加载更多
                      </Button>
                    </div>
                  )}
                </>
              )
            }
          </PageState>
        </Card>
        <NotificationPreferencesCard />
      </div>
    </>
  );
}

function NotificationLine(props: {
  readonly n: Notification;
  readonly busy: boolean;
  readonly onRead: () => void;
  readonly onFollow: (path: string) => void;
}): ReactNode {
  const { n } = props;
  const unread = n.readAt === null;
  const destination = destinationOf(n);
  return (
    <List.Item>
      <article
        className={unread ? "inbox-item inbox-item-unread" : "inbox-item"}
        aria-label={`${unread ? "未读" : "已读"}：${n.subject}`}
      >
        <div className="inbox-head">
          {unread && <Tag color="#a61b1b">未读</Tag>}
          {n.level !== null && <Tag color={LEVEL_COLORS[n.level]}>{WARNING_LEVEL_LABELS[n.level]}</Tag>}
          <Typography.Text strong={unread} className="inbox-subject">
            {n.subject}
          </Typography.Text>
        </div>
        <p className="inbox-text">{n.text}</p>
        <div className="inbox-foot">
          <Typography.Text type="secondary">
            <time dateTime={n.createdAt}>{formatInstant(n.createdAt)}</time>
          </Typography.Text>
          {destination !== null && (
            <a
              {...linkTo(destination.path)}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                props.onFollow(destination.path);
              }}
            >
              {destination.label}
            </a>
          )}
          {unread && (
            <Button
              size="small"
              type="link"
              loading={props.busy}
              onClick={props.onRead}
              aria-label={`标为已读：${n.subject}`}
            >
              标为已读
            </Button>
          )}
        </div>
      </article>
    </List.Item>
  );
}
