// A notice's own HTML in a sandboxed frame (no script, no form, no navigation of this page): the public page's notice,
// and the submitted one the leader reads before approving. Narrower than an A4 page (a phone), the frame is laid out
// at the page's width and zoomed to fit, as a reader would pinch it.
import { useEffect, useRef, useState, type ReactNode } from "react";
import "../notice-preview.css";

/** The A4 page of the notice's HTML (210 mm with its margin), in CSS pixels. */
const PAGE_WIDTH = 820;

export function NoticePreviewFrame(props: { readonly title: string; readonly src: string }): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const zoom = width !== null && width < PAGE_WIDTH ? width / PAGE_WIDTH : 1;
  return (
    <div ref={box}>
      <iframe
        className="notice-preview-frame"
        title={props.title}
        src={props.src}
        sandbox=""
        referrerPolicy="no-referrer"
        // The zoom shrinks the height too: ask for more, so that the frame still takes most of the screen.
        style={
          zoom < 1
            ? { width: PAGE_WIDTH, zoom, height: `${Math.round(75 / zoom)}vh`, minHeight: 0 }
            : undefined
        }
      />
    </div>
  );
}
