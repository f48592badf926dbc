import { planZhCN } from '../plan/messages.zh-CN.ts';
import { resultsZhCN } from '../results/messages.zh-CN.ts';
import { editorZhCN } from '../site-editor/messages.zh-CN.ts';
import { screensZhCN } from '../screens/messages.zh-CN.ts';

/** Simplified Chinese, the default language. en.ts must have the same keys (checked by its type). */
export const zhCN = {
  app: {
    name: 'SafeDist',
    tagline: '危险化学品生产装置和储存设施外部安全防护距离计算',
    basis: '依据 GB/T 37243-2019 确定方法，按 GB 36894-2018 判定风险',
  },
  nav: {
    start: '开始',
    site: '场地编辑',
    results: '计算与结果',
    rules: '规则集',
    substances: '物质库',
    about: '关于',
    language: '语言',
  },
  project: {
    notJson: '不是有效的 JSON：{{message}}',
    notProject: '不是 SafeDist 项目文件（需要 "format": "safedist-project"）',
    unsupportedVersion: '不支持的项目格式版本 {{version}}（本版本支持 1）',
    notArray: '字段 "{{field}}" 应为数组',
  },
  substances: {
    title: '物质库',
    search: '搜索',
    searchPlaceholder: '名称、CAS 号或分子式，例如 氯、7664-41-7、NH3',
    count: '{{count}} 种物质',
    noMatch: '没有匹配的物质。',
    id: '标识',
    nameZh: '中文名',
    nameEn: '英文名',
    cas: 'CAS 号',
    formula: '分子式',
    hazards: '危险特性',
    property: '性质',
    value: '数值',
    unit: '单位',
    sources: '来源',
    notes: '说明',
    aliases: '别名',
    gb18218: 'GB 18218 临界量',
    select: '选择一种物质查看其性质。',
  },
  substanceProperty: {
    molarMass: '摩尔质量',
    normalBoilingPoint: '常压沸点',
    meltingPoint: '熔点',
    criticalTemperature: '临界温度',
    criticalPressure: '临界压力',
    acentricFactor: '偏心因子',
    liquidDensity: '液体密度',
    liquidHeatCapacity: '液体比热容',
    gasHeatCapacity: '理想气体定压比热容',
    gamma: '比热比 cp/cv',
    heatOfVaporization: '汽化潜热',
    heatOfCombustion: '燃烧热（低热值）',
    lowerFlammabilityLimit: '爆炸下限（体积分数）',
    upperFlammabilityLimit: '爆炸上限（体积分数）',
    flashPoint: '闪点（闭杯）',
    autoignitionTemperature: '自燃温度',
  },
  about: {
    title: '关于 SafeDist',
    version: '版本',
    mode: '运行方式',
    modeElectron: '桌面应用（Electron）',
    modeWeb: '浏览器（本机 Web 服务）',
    runtime: '运行环境',
    standards: '采用标准',
    standardsList:
      'GB/T 37243-2019《危险化学品生产装置和储存设施外部安全防护距离确定方法》；GB 36894-2018《危险化学品生产装置和储存设施风险基准》；GB 18218-2018《危险化学品重大危险源辨识》',
  },
  notFound: {
    title: '页面不存在',
    back: '返回开始页',
  },
  common: {
    loading: '加载中…',
    error: '出错：{{message}}',
  },
  ...screensZhCN,
  ...editorZhCN,
  ...resultsZhCN,
  ...planZhCN,
};

/** The shape every language must provide: zh-CN's keys, at every depth, with string values. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Messages = Strings<typeof zhCN>;
