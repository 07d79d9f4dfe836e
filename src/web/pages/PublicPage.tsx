// 公开信息, without sign-in: the units that have published public notices, each with its notices (newest first; the
// list and its filters are PublicNoticeList.tsx), and one notice opened in the page — its HTML in a sandboxed frame
// (no script runs; the server forbids it as well), the contact block for public supervision and the .docx download.
// Shows only what the public API answers.
import { Button, Card, Descriptions, Result, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { api } from "../api.ts";
import { NoticePreviewFrame } from "../components/NoticePreviewFrame.tsx";
import { PageState } from "../components/PageState.tsx";
import { linkTo, paths } from "../router.ts";
import { useLoad } from "../use-load.ts";
import { PublicNoticeList, publicListReturnPath } from "./PublicNoticeList.tsx";
import "./public.css";

export function PublicPage(props: { readonly noticeId: string | null }): ReactNode {
  return (
    <div className="public">
      <header className="public-header">
        <a className="public-site" {...linkTo(paths.publicNotices())}>
          整改信息公开
        </a>
        <a {...linkTo(paths.dashboard())}>登录</a>
      </header>
      <main className="public-main">
        {props.noticeId === null ? (
          <PublicNoticeList />
        ) : (
          <NoticeView key={props.noticeId} noticeId={props.noticeId} />
        )}
      </main>
    </div>
  );
}

function NoticeView(props: { readonly noticeId: string }): ReactNode {
  const [loaded, retry] = useLoad(
    () => api.call("getPublicNotice", { params: { pid: props.noticeId } }),
    [props.noticeId],
  );
  const back = <a {...linkTo(publicListReturnPath())}>‹ 返回公开信息</a>;
  if (loaded.state === "error" && loaded.message.startsWith("未找到该公开通报")) {
    return <Result status="404" title="该公开通报不存在或已撤回" extra={back} />;
  }
  return (
    <>
      <Typography.Paragraph>{back}</Typography.Paragraph>
      <PageState loaded={loaded} retry={retry}>
        {(notice) => (
          <>
            <Typography.Title level={3}>{notice.title}</Typography.Title>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              className="section"
              items={[
                { key: "unit", label: "单位", children: notice.unitName },
                { key: "date", label: "成文日期", children: notice.issuedOn },
              ]}
            />
            <Space wrap className="section">
              <Button type="primary" href={notice.files.docx.path} download>
                下载 Word（.docx）
              </Button>
              <Button href={notice.files.html.path} target="_blank" rel="noopener noreferrer">
                在新窗口打开
              </Button>
            </Space>
            {notice.contact !== null && (
              <Card size="small" title="监督联系方式" className="section">
                <Typography.Paragraph className="public-contact" data-testid="public-contact">
                  {notice.contact}
                </Typography.Paragraph>
              </Card>
            )}
            <NoticePreviewFrame title={notice.title} src={notice.files.html.path} />
          </>
        )}
      </PageState>
    </>
  );
}
