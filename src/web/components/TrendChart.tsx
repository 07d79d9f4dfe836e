// 销号趋势: measures closed per week as bars (ECharts, only the parts used, loaded with the dashboard's chunk).
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, type ReactNode } from "react";
import type { ClosureTrend } from "../models.ts";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** "2026-11-30" → "11/30". */
const shortDay = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

export function TrendChart(props: { readonly trend: ClosureTrend }): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  const { weeks } = props.trend;
  useEffect(() => {
    if (element.current === null) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: { trigger: "axis", formatter: "{b} 起一周：销号 {c} 项" },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: "category", data: weeks.map((w) => shortDay(w.weekStart)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", data: weeks.map((w) => w.closed), itemStyle: { color: "#389e0d" } }],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [weeks]);
  const label = `近${weeks.length}周每周销号措施数：${weeks.map((w) => `${shortDay(w.weekStart)}起${w.closed}项`).join("，")}`;
  return <div ref={element} className="chart" role="img" aria-label={label} />;
}
