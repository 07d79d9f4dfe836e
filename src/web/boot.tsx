// The web UI itself, loaded by main.tsx: antd in Chinese (zh_CN, dayjs zh-cn), one theme, the app.
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";

dayjs.locale("zh-cn");

const root = document.getElementById("root");
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        button={{ autoInsertSpace: false }}
        theme={{ token: { colorPrimary: "#b71c1c", borderRadius: 4 } }}
      >
        {/* Quick repeated actions (corrections in a row, saving again) keep the newest three confirmations, not a column. */}
        <AntApp message={{ maxCount: 3 }}>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
