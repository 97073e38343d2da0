/**
 * The font slots of a 公文 and what fills them: the one place to change a
 * face. GB/T 9704-2012 names the faces (7.3.1 标题 小标宋, 5.2.2 正文 仿宋,
 * 7.3.3 一级 黑体 / 二级 楷体, 7.5 页码 宋体); the official ones are commercial
 * or tied to Windows, so each slot lists the names under which a user's own
 * copy is found, then the free stand-ins the project installs (Debian
 * packages, see .ci/run), in order of preference. Characters a face lacks go
 * to the next face of the same slot.
 */

export type SlotName = 'title' | 'body' | 'heading' | 'kai' | 'song' | 'latin';

/** A face by fontconfig family (and style), or by file for fonts outside fontconfig's path. */
export type FaceRef = { family: string; style?: string } | { file: string; face?: number };

export interface Slot {
  /** CSS family name the templates use. */
  cssFamily: string;
  /** What GB/T 9704 asks for, for messages. */
  wanted: string;
  /** Names of the official face as users have it installed or in their fonts folder. */
  official: string[];
  /** Free faces, best first. */
  standIns: FaceRef[];
  /** ASCII comes from the Latin slot (body text); headings and the title keep their own digits. */
  withLatin?: boolean;
  /** Characters this slot serves; by default every character of the text it is given. */
  unicodeRange?: string;
}

const TEXLIVE_FANDOL = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol';

export const SLOTS: Record<SlotName, Slot> = {
  title: {
    cssFamily: 'gw-title',
    wanted: '方正小标宋',
    official: ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', '小标宋'],
    standIns: [{ family: 'Noto Serif CJK SC', style: 'Bold' }],
  },
  body: {
    cssFamily: 'gw-body',
    wanted: '仿宋_GB2312',
    official: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋'],
    standIns: [{ file: `${TEXLIVE_FANDOL}/FandolFang-Regular.otf` }, { family: 'Noto Serif CJK SC', style: 'Regular' }],
    withLatin: true,
  },
  heading: {
    cssFamily: 'gw-heading',
    wanted: '黑体',
    official: ['黑体', 'SimHei', '方正黑体_GBK', '方正黑体简体'],
    standIns: [{ family: 'Noto Sans CJK SC', style: 'Regular' }, { family: 'WenQuanYi Zen Hei' }],
  },
  kai: {
    cssFamily: 'gw-kai',
    wanted: '楷体_GB2312',
    official: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', '华文楷体'],
    standIns: [{ family: 'AR PL KaitiM GB' }, { family: 'LXGW WenKai', style: 'Regular' }, { family: 'AR PL UKai CN' }],
    withLatin: true,
  },
  song: {
    cssFamily: 'gw-song',
    wanted: '宋体',
    official: ['宋体', 'SimSun', 'NSimSun'],
    standIns: [{ family: 'AR PL SungtiL GB' }, { family: 'Noto Serif CJK SC', style: 'Regular' }],
  },
  latin: {
    cssFamily: 'gw-latin',
    wanted: 'Times New Roman',
    official: ['Times New Roman', 'TimesNewRomanPSMT'],
    standIns: [{ family: 'Liberation Serif', style: 'Regular' }],
    // Digits and Latin letters only: quotes, dashes and ellipses stay in the Chinese face.
    unicodeRange: 'U+0020-007E',
  },
};
