import type { Containment } from '../rules/types.ts';
import type { Change } from './changes.ts';

export type PlanLang = 'zh-CN' | 'en';

const CELSIUS_ZERO = 273.15;

/** Two significant figures at most, without trailing zeros. */
function fmt(v: number): string {
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return String(Number(v.toFixed(digits)));
}

function mass(kg: number): string {
  return kg >= 1000 ? `${fmt(kg / 1000)} t` : `${fmt(kg)} kg`;
}

const COMPASS: Record<PlanLang, readonly string[]> = {
  en: ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'],
  'zh-CN': ['北', '东北', '东', '东南', '南', '西南', '西', '西北'],
};

/**
 * The 8-point compass direction of a site displacement (x east, y north in the site frame, the site's y
 * axis `rotation` degrees clockwise from true north).
 */
export function compassDirection(dx: number, dy: number, rotation: number, lang: PlanLang): string {
  const deg = ((((Math.atan2(dx, dy) * 180) / Math.PI + rotation) % 360) + 360) % 360;
  return COMPASS[lang][Math.round(deg / 45) % 8]!;
}

const CONTAINMENT: Record<PlanLang, Record<Containment, string>> = {
  en: {
    single: 'single containment',
    'protective-shell': 'single containment with a protective shell',
    double: 'double containment',
    full: 'full containment',
    membrane: 'membrane tank',
  },
  'zh-CN': {
    single: '单容罐',
    'protective-shell': '带防护外罐的单容罐',
    double: '双容罐',
    full: '全容罐',
    membrane: '薄膜罐',
  },
};

/**
 * One change in the user's terms, e.g. "inventory 30 t → 11 t" / "设计最大量 30 t → 11 t",
 * "move 140 m north-east" / "向东北移动 140 m". Pressures are absolute, in MPa.
 */
export function describeChange(c: Change, lang: PlanLang, rotation = 0): string {
  const zh = lang === 'zh-CN';
  switch (c.kind) {
    case 'inventory':
      return zh ? `设计最大量 ${mass(c.from)} → ${mass(c.to)}` : `inventory ${mass(c.from)} → ${mass(c.to)}`;
    case 'pressure':
      return zh
        ? `压力 ${fmt(c.from / 1e6)} → ${fmt(c.to / 1e6)} MPa（绝压）`
        : `pressure ${fmt(c.from / 1e6)} → ${fmt(c.to / 1e6)} MPa (absolute)`;
    case 'temperature':
      return zh
        ? `温度 ${fmt(c.from - CELSIUS_ZERO)} → ${fmt(c.to - CELSIUS_ZERO)} °C`
        : `temperature ${fmt(c.from - CELSIUS_ZERO)} → ${fmt(c.to - CELSIUS_ZERO)} °C`;
    case 'detection-isolation': {
      const from = `${c.from.detection ?? '–'}/${c.from.isolation ?? '–'}`;
      const to = `${c.to.detection}/${c.to.isolation}`;
      if (c.purpose === 'gas-detector-shutoff')
        return zh
          ? `设置可燃/有毒气体检测器并联锁紧急切断（探测/隔离等级 ${from} → ${to}）`
          : `gas detectors with automatic emergency shut-off (detection/isolation ${from} → ${to})`;
      return zh ? `探测/隔离系统等级 ${from} → ${to}` : `detection/isolation grades ${from} → ${to}`;
    }
    case 'bund': {
      const to = `${fmt(c.to.area)} m²${zh ? '，堤高' : ', wall'} ${fmt(c.to.height)} m`;
      if (!c.from) return zh ? `为 ${c.label} 设置围堰（${to}）` : `add a bund to ${c.label} (${to})`;
      return zh
        ? `缩小 ${c.label} 围堰 ${fmt(c.from.area)} m² → ${to}`
        : `smaller bund for ${c.label}: ${fmt(c.from.area)} m² → ${to}`;
    }
    case 'containment':
      return zh
        ? `${c.label} 由${CONTAINMENT[lang][c.from]}改为${CONTAINMENT[lang][c.to]}`
        : `${c.label}: ${CONTAINMENT[lang][c.from]} → ${CONTAINMENT[lang][c.to]}`;
    case 'canned-pump':
      return zh ? `${c.label} 改为屏蔽泵` : `${c.label}: canned pump instead`;
    case 'pipe-length':
      return zh
        ? `缩短管道 ${c.label} ${fmt(c.from)} m → ${fmt(c.to)} m`
        : `shorter pipe ${c.label}: ${fmt(c.from)} m → ${fmt(c.to)} m`;
    case 'move': {
      const d = fmt(Math.hypot(c.dx, c.dy));
      const dir = compassDirection(c.dx, c.dy, rotation, lang);
      return zh ? `向${dir}移动 ${d} m（厂区内）` : `move ${d} m ${dir} (inside the fence)`;
    }
    case 'remove':
      return zh ? '拆除该装置' : 'remove the installation';
  }
}
