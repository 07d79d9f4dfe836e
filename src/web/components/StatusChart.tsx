// The problem-status ring of the dashboard (ECharts, only the parts used, loaded with the dashboard's chunk).
import { PieChart } from "echarts/charts";
import { LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, type ReactNode } from "react";

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSlice {
  readonly name: string;
  readonly value: number;
  readonly color: string;
}

export function StatusChart(props: {
  readonly slices: readonly ChartSlice[];
  readonly label: string;
}): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current === null) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
      legend: { bottom: 0 },
      series: [
        {
          type: "pie",
          radius: ["45%", "70%"],
          center: ["50%", "45%"],
          label: { formatter: "{b}\n{c}" },
          data: props.slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [props.slices]);
  return <div ref={element} className="chart" role="img" aria-label={props.label} />;
}
