/**
 * The 56 officially recognised ethnic groups as printed on the ID card's 民族 line
 * (without the trailing 族, as the card prints them: 汉, 回, 土家 …).
 */
export const NATIONS: readonly string[] = Object.freeze([
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
]);

const SET = new Set(NATIONS);

export const isNation = (s: string) => SET.has(s);

/**
 * Splits the tail of a 民族 value into a known name when the OCR glued extra characters on
 * (e.g. a stray 族). Returns the longest official name that `text` starts with, or null.
 */
export const leadingNation = (text: string): string | null => {
  let best: string | null = null;
  for (const n of NATIONS) if (text.startsWith(n) && (!best || n.length > best.length)) best = n;
  return best;
};
