import type { CitationRelation } from "../schema/document.js";
import { fold } from "../text/fold.js";

/** Words before a citation that say how the citing document relates to it. */
const CUES: ReadonlyArray<[string, CitationRelation]> = [
  ["căn cứ", "basis"],
  ["thực hiện", "implements"],
  ["triển khai", "implements"],
  ["tổng kết", "reviews"],
  ["sơ kết", "reviews"],
  ["sửa đổi", "amends"],
  ["bổ sung", "supplements"],
  ["thay thế", "replaces"],
  ["bãi bỏ", "repeals"],
  ["hướng dẫn thực hiện", "guides"],
  ["hướng dẫn thi hành", "guides"],
  ["quy định chi tiết", "guides"],
];

export const CITATION_RELATION_CUES: ReadonlyArray<{ cue: string; folded: string; relation: CitationRelation }> = CUES.map(
  ([cue, relation]) => ({ cue, folded: fold(cue), relation }),
);
