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
  /*
   * 版头 and 版记 of the 公文 kinds (templates document, letter, minutes;
   * GB/T 9704-2012 7.2, 7.4, 10.1, 10.3): what the text itself does not carry.
   */
  /** 发文机关: full name or 规范化简称, e.g. 国务院办公厅. */
  issuer?: string;
  /** 发文机关标志 when it is not the kind's default (document: issuer + 文件; letter: issuer; minutes: issuer + 纪要). */
  issuerMark?: string;
  /** 签发人 of a 上行文, one name or several in the issuers' order (7.2.6). */
  signer?: string | string[];
  /** 份号 (7.2.1), e.g. 000001. */
  copyNumber?: string;
  /** 密级和保密期限 (7.2.2), e.g. 机密★1年. */
  secrecy?: string;
  /** 紧急程度 (7.2.3): 特急 or 加急. */
  urgency?: string;
  /** 抄送机关 (7.4.2), one name or a list; printed after 抄送：, ending with 。. */
  copyTo?: string | string[];
  /** 印发机关 (7.4.3). */
  printedBy?: string;
  /** 印发日期 (7.4.3), ISO yyyy-mm-dd. */
  printedDate?: string;
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
  | 'quotation' // paragraphs quoted whole from another document (amended provisions “…”): its body text, never this document's headings
  | 'attachment-note' // 附件：…
  | 'signature' // 署名
  | 'date' // 成文日期
  | 'note' // 附注 such as （此件公开发布）
  | 'attachment-label' // 附件 / 附件2 opening an attachment on a new page (7.3.7)
  | 'attachment-title' // the attachment's own title (7.3.7)
  | 'attendance' // 纪要: 出席： / 请假： / 列席： lines (10.3)
  // Generated from the front matter by the template stage (scripts/template/header.ts, record.ts):
  | 'header' // 版头 (7.2)
  | 'copy-number' // 份号
  | 'secrecy' // 密级和保密期限
  | 'urgency' // 紧急程度
  | 'issuer-mark' // 发文机关标志, red
  | 'document-number' // 发文字号
  | 'signer' // 签发人
  | 'red-rule' // 版头中的分隔线 (letter: the red double lines)
  | 'closing' // 署名 and 成文日期 together, laid out as one block (7.3.5.2)
  | 'record' // 版记 (7.4)
  | 'copy-to' // 抄送
  | 'printed'; // 印发机关和印发日期

export type InlineRole =
  | 'lead' // lead sentence opening a paragraph: 切实加强理论武装。
  | 'attendance-label'; // 出席： / 请假： / 列席： opening an attendance line of 纪要

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
