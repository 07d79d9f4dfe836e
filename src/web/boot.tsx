// The web UI itself, loaded by main.tsx: antd in Chinese (zh_CN, dayjs zh-cn), one theme, the app.
import { App as AntApp, ConfigProvider, type ThemeConfig } from "antd";
// antd's prebuilt stylesheet, before the app's own (app.css overrides it). Imported here, not in main.tsx, so that it
// loads beside this chunk and never delays the early requests.
import "antd/dist/antd.css";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";

dayjs.locale("zh-cn");

/**
 * Zero runtime: antd's components take their rules from antd.css instead of generating and inserting them while the
 * page renders (≈ 200 ms of the ledger page's first render; docs/benchmarks.md). The tokens below still reach every
 * rule: antd writes them into the page as CSS variables (--ant-color-primary…), which antd.css reads.
 */
const THEME: ThemeConfig = { zeroRuntime: true, token: { colorPrimary: "#b71c1c", borderRadius: 4 } };

const root = document.getElementById("root");
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={THEME}>
        {/* Quick repeated actions (corrections in a row, saving again) keep the newest three confirmations, not a column. */}
        <AntApp message={{ maxCount: 3 }}>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
