/**
 * The 公文 AST: the contract between the stages.
 *
 * It is mdast (what remark-parse makes of the cleaned source) in which the
 * structure plugins (scripts/structure/) have marked every block with the
 * role it plays in an official document. Roles live in `node.data.role`;
 * remark-rehype turns them into `class="gw-ROLE"` so the templates (CSS) and
 * the writers (PDF, EPUB) key on them and never re-parse text.
 */
import type { Root } from 'mdast';

/** Metadata of one document: the cleaned source's YAML front matter. */
export interface FrontMatter {
  /** 标题, on one line (a title broken over lines on the web page is joined). */
  title: string;
  /** Occasion line of a report, with its leading "——". */
  occasion?: string;
  /** Speaker line, post and name separated by a full-width space (U+3000). */
  speaker?: string;
  /** 成文日期 or the date the report was delivered, ISO yyyy-mm-dd. */
  date?: string;
  /** Who published the page the text was copied from. */
  publisher?: string;
  /** When that page was published, ISO yyyy-mm-dd. */
  published?: string;
  /** Author for the metadata of the PDF and the EPUB (发文机关 / 报告机关). */
  author?: string;
  /** 发文字号, e.g. 国办发〔2019〕4号. */
  documentNumber?: string;
  /** Where the raw text came from (URL or file). */
  source?: string;
  /** Template in templates/ to lay the document out with. */
  template?: string;
  /** Language of the document; zh-CN unless stated. */
  lang?: string;
  /** One-sentence description for the metadata; derived when absent. */
  description?: string;
  keywords?: string[];
}

/**
 * Roles of the blocks and spans of a 公文 (GB/T 9704-2012 §7 and the
 * people's-congress report convention in shared/docs/gbt9704.md).
 */
export type BlockRole =
  | 'title' // 标题
  | 'occasion' // ——2024年1月30日在…会议上
  | 'speaker' // 温州市人大常委会主任　葛益平
  | 'salutation' // 各位代表： / 主送机关
  | 'part' // un-numbered part heading: 过去一年的主要工作
  | 'level1' // 一、
  | 'level2' // （一）
  | 'level3' // 1.
  | 'level4' // （1）
  | 'body' // an ordinary paragraph
  | 'attachment-note' // 附件：…
  | 'signature' // 署名
  | 'date' // 成文日期
  | 'note'; // 附注 such as （此件公开发布）

export type InlineRole = 'lead'; // lead sentence opening a paragraph: 切实加强理论武装。

export interface RoleData {
  role?: BlockRole | InlineRole;
}

declare module 'mdast' {
  interface Data extends RoleData {}
}

/** A parsed document: front matter plus the marked-up tree. */
export interface GongwenDocument {
  meta: FrontMatter & { lang: string };
  tree: Root;
}

/**
 * What the template stage hands to the writers (PDF, EPUB): the document's
 * body as hast, every block carrying its `gw-ROLE` class and every heading an
 * `id`, plus the metadata. Writers lay this out; they never re-parse text.
 */
export interface RenderedDocument {
  /** Base name of the outputs: build/NAME.pdf, build/NAME.epub. */
  name: string;
  meta: FrontMatter & { lang: string };
  /** The title block and body as hast (no html/head/body wrapper). */
  content: import('hast').Root;
}
