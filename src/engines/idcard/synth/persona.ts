/**
 * Fake people for synthetic ID cards: names from common characters, a real GB/T 2260 county
 * (so the number's address code and the printed address agree), a checksum-valid number, an
 * issuing authority and a validity period that follows the age rules (5/10/20 years, 长期).
 */
import { checkCharacter } from '../../../identity/index.ts';
import { areaTable } from '../../../identity/tables.ts';
import { NATIONS } from '../nations.ts';
import type { Rng } from './rng.ts';

export interface Persona {
  name: string;
  sex: '男' | '女';
  nation: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string;
  idNumber: string;
  authority: string;
  validFrom: string;
  /** YYYY-MM-DD or 长期 */
  validTo: string;
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容'];
const GIVEN = [
  ...'伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红建国文辉力鹏飞斌宇浩凯晨欣怡婷雪琳晓梅海燕波宁鑫佳丹琪颖志新春雨子涵轩博文昊然思远嘉乐俊峰毅振宏家豪梓萱一诺安琪',
];
const UYGHUR_PARTS = [
  '买买提',
  '艾力',
  '阿不都',
  '热合曼',
  '古丽',
  '努尔',
  '阿依',
  '吐尔逊',
  '麦麦提',
  '帕提古丽',
];
const ROADS = [...'中山人民解放建设和平胜利新华文化长江黄河光明幸福团结友谊青年朝阳东风红旗迎宾'];
const ROAD_KIND = ['路', '街', '大道', '大街', '巷'];
const ESTATES = ['花园', '小区', '新村', '家园', '名苑', '公寓', '雅居'];
const ESTATE_HEAD = [...'金银翠锦华盛祥瑞富康泰安阳光碧桂'];

interface County {
  code: string;
  province: string;
  prefecture: string;
  county: string;
}

let counties: County[] | undefined;

// Active county-level codes whose province and prefecture names are known.
const countyList = (): County[] => {
  if (counties) return counties;
  const { codes } = areaTable();
  const name = (code: string) => codes.get(code)?.name ?? '';
  counties = [];
  for (const [code, area] of codes) {
    if (area.endYear !== null || code.endsWith('00') || /^(?:71|81|82)/.test(code)) continue;
    if (area.name.includes('市辖区') || area.name === '县' || area.name.length < 2) continue;
    const province = name(`${code.slice(0, 2)}0000`);
    let prefecture = name(`${code.slice(0, 4)}00`);
    if (!province) continue;
    if (prefecture === '市辖区' || prefecture === '县' || prefecture === '') prefecture = '';
    if (!prefecture && !/^(?:11|12|31|50)/.test(code)) continue;
    counties.push({ code, province, prefecture, county: area.name });
  }
  return counties;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export const makePersona = (rng: Rng, today = '2026-11-24'): Persona => {
  const sex = rng.chance(0.5) ? '男' : '女';
  const nation = rng.chance(0.8) ? '汉' : rng.pick(NATIONS);
  const name = makeName(rng, nation);
  const born = Date.UTC(1950, 0, 1) + rng.next() * (Date.UTC(2008, 11, 31) - Date.UTC(1950, 0, 1));
  const birthDate = isoDay(born);
  const place = rng.pick(countyList());
  const seq = `${pad(rng.int(0, 99))}${rng.int(0, 4) * 2 + (sex === '男' ? 1 : 0)}`;
  const body = `${place.code}${birthDate.replaceAll('-', '')}${seq}`;
  const { validFrom, validTo } = validity(rng, birthDate, today);
  return {
    name,
    sex,
    nation,
    birthDate,
    address: makeAddress(rng, place),
    idNumber: body + checkCharacter(body),
    authority: authorityOf(place),
    validFrom,
    validTo,
  };
};

const makeName = (rng: Rng, nation: string): string => {
  if (nation === '维吾尔' && rng.chance(0.7))
    return `${rng.pick(UYGHUR_PARTS)}·${rng.pick(UYGHUR_PARTS)}`;
  const surname = rng.chance(0.05) ? rng.pick(COMPOUND) : rng.pick(SURNAMES);
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return surname + given;
};

const makeAddress = (rng: Rng, p: County): string => {
  const head =
    p.province + (p.prefecture && p.prefecture !== p.province ? p.prefecture : '') + p.county;
  if (rng.chance(0.25)) {
    const town = rng.pick(ROADS) + rng.pick(['镇', '乡']);
    return `${head}${town}${rng.pick(ROADS)}${rng.pick(['村', '社区'])}${rng.int(1, 20)}组${rng.chance(0.5) ? `${rng.int(1, 120)}号` : ''}`;
  }
  const road = rng.pick(ROADS) + rng.pick(ROADS) + rng.pick(ROAD_KIND);
  let rest = `${road}${rng.int(1, 999)}号`;
  if (rng.chance(0.7)) {
    rest += `${rng.pick(ESTATE_HEAD)}${rng.pick(ESTATE_HEAD)}${rng.pick(ESTATES)}`;
    rest += `${rng.int(1, 30)}${rng.pick(['栋', '号楼', '幢'])}`;
    if (rng.chance(0.5)) rest += `${rng.int(1, 6)}单元`;
    rest += `${rng.int(1, 33)}${pad(rng.int(1, 8))}${rng.pick(['室', '房', ''])}`;
  }
  return head + rest;
};

const authorityOf = (p: County): string => {
  const city = p.prefecture || p.province;
  if (/区$/.test(p.county)) return `${city}公安局${p.county.replace(/区$/, '')}分局`;
  return `${p.county}公安局`;
};

// GB 11643 validity rules: under 16 → 5 years, 16–25 → 10, 26–45 → 20, 46 and over → 长期.
const validity = (rng: Rng, birthDate: string, today: string) => {
  const birthYear = Number(birthDate.slice(0, 4));
  const firstYear = Math.max(birthYear + 1, 2005);
  const lastYear = Number(today.slice(0, 4)) - 1;
  const year = firstYear > lastYear ? lastYear : rng.int(firstYear, lastYear);
  const day = `${pad(rng.int(1, 12))}.${pad(rng.int(1, 28))}`;
  const age = year - birthYear;
  const span = age < 16 ? 5 : age <= 25 ? 10 : age <= 45 ? 20 : 0;
  const validFrom = `${year}-${day.replace('.', '-')}`;
  const validTo = span ? `${year + span}-${day.replace('.', '-')}` : '长期';
  return { validFrom, validTo };
};
