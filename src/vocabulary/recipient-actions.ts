import type { Recipient } from "../schema/document.js";

/** What a Nơi nhận suffix asks of the recipient, keyed by its folded text: "(để b/c)" -> báo cáo. */
export const RECIPIENT_ACTIONS: Readonly<Record<string, Recipient["action"]>> = {
  "b/c": "báo cáo",
  bc: "báo cáo",
  "bao cao": "báo cáo",
  "p/h": "phối hợp",
  ph: "phối hợp",
  "phoi hop": "phối hợp",
  "t/h": "thực hiện",
  th: "thực hiện",
  "thuc hien": "thực hiện",
  "chi dao": null,
  "chi dao t/h": "thực hiện",
  "biet": null,
  "theo doi": null,
  "ch/d": null,
  "luu": "lưu",
};
