// The web UI's entry. It starts the page's first requests (the session, and the ledger on a ledger address) and only
// then loads React, antd and the app, so that the server answers while the browser evaluates them (early-requests.ts;
// measured in docs/benchmarks.md "Web UI").
import { startEarlyRequests } from "./early-requests.ts";

startEarlyRequests(window.location.pathname, window.location.search);

import("./boot.tsx").catch(() => {
  // The scripts could not be loaded (a new build replaced them, the network dropped): say so instead of a blank page.
  const root = document.getElementById("root");
  if (root !== null) root.textContent = "页面加载失败，请刷新重试。";
});
