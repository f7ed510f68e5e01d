import type { SeedResource } from './catalogue-types.ts';

/** The campaigns of the 2021 work plan (item 12), spelled as the library filters them. */
export const CAMPAIGNS = ['5·12防灾减灾日', '安全生产月', '法治宣传周', '安全宣传"五进"'] as const;

/** 宣教资源电子库: the "血的教训" posters, guidance videos and campaign material. Published. */
export const LIBRARY_RESOURCES: SeedResource[] = [
  {
    slug: 'xuedejiaoxun-1',
    title: '血的教训（一）：天津港"8·12"特别重大火灾爆炸事故',
    description:
      '2015年8月12日，位于天津港的瑞海公司危险品仓库发生特别重大火灾爆炸事故，造成165人遇难，教训极其深刻。事故警示：危险化学品必须依法取得许可、分类分区储存，严禁违规混存和超量储存。',
    kind: 'POSTER',
    campaign: '安全生产月',
    tags: ['血的教训', '危险化学品', '事故警示', '储存'],
    media: {
      kind: 'POSTER',
      poster: {
        headline: '血的教训',
        title: '天津港"8·12"事故警示',
        lines: ['2015年8月12日', '危险品仓库火灾爆炸', '165人遇难', '违规储存 酿成大祸', '依法许可 分类储存'],
        colour: '0x5c1010',
      },
    },
  },
  {
    slug: 'xuedejiaoxun-2',
    title: '血的教训（二）：有限空间盲目施救',
    description:
      '有限空间中毒窒息事故中，相当一部分遇难者是未佩戴防护装备就下去救人的同事。海报提醒：发现有人晕倒，先呼救报告，入口外施救，进入必须佩戴正压式空气呼吸器。',
    kind: 'POSTER',
    campaign: null,
    tags: ['血的教训', '有限空间', '盲目施救', '事故警示'],
    media: {
      kind: 'POSTER',
      poster: {
        headline: '血的教训',
        title: '有限空间 盲目施救',
        lines: ['一人晕倒 多人下井', '救人者成了遇难者', '先通风 再检测 后作业', '严禁盲目施救'],
        colour: '0x4a1a1a',
      },
    },
  },
  {
    slug: 'xuedejiaoxun-3',
    title: '血的教训（三）：金属粉尘爆炸',
    description:
      '2014年江苏昆山一家金属制品企业抛光车间发生铝粉尘爆炸，造成重大人员伤亡。主要原因是除尘系统不符合要求、积尘长期未清理、粉尘云遇点火源爆炸。海报提醒粉尘涉爆企业落实除尘和清扫制度。',
    kind: 'POSTER',
    campaign: '安全生产月',
    tags: ['血的教训', '粉尘涉爆', '事故警示', '金属加工'],
    media: {
      kind: 'POSTER',
      poster: {
        headline: '血的教训',
        title: '铝粉尘爆炸事故警示',
        lines: ['积尘不清 除尘失效', '粉尘云遇火即爆', '规范除尘 按时清扫', '控制点火源'],
        colour: '0x3d1f0a',
      },
    },
  },
  {
    slug: 'banqianhui-shifan',
    title: '班前会示范：三交三查怎么做',
    description:
      '推进班前会制度的宣传指导视频：一个班组从点名、三查到三交的完整示范，适合班组长学习和组织职工观看。好的经验做法总结推广，优秀班前会见资源库"优秀班前会"栏目。',
    kind: 'VIDEO',
    campaign: null,
    tags: ['班前会', '宣传指导视频', '三交三查', '班组建设'],
    media: {
      kind: 'VIDEO',
      seconds: 30,
      points: [
        '点名签到 全员参加',
        '查着装 查精神状态 查防护用品',
        '交任务 交安全 交措施',
        '职工逐一确认风险和措施',
        '拍摄现场图片视频 按时上报',
      ],
    },
  },
  {
    slug: 'fangzai-jianzai-512',
    title: '5·12防灾减灾日：地震与火灾应急疏散',
    description:
      '每年5月12日是全国防灾减灾日。视频介绍企业开展应急疏散演练的要点：熟悉疏散路线和集合点，听到警报有序撤离，不乘电梯，到达集合点后清点人数。',
    kind: 'VIDEO',
    campaign: '5·12防灾减灾日',
    tags: ['防灾减灾', '应急疏散', '应急演练'],
    media: {
      kind: 'VIDEO',
      seconds: 25,
      points: ['熟悉疏散路线和集合点', '听到警报 有序撤离', '不乘电梯 低姿前行', '到达集合点 清点人数'],
    },
  },
  {
    slug: 'anquan-shengchan-yue',
    title: '安全生产月主题宣传海报',
    description:
      '每年6月是全国"安全生产月"。海报用于企业厂区、车间张贴，宣传人人讲安全、个个会应急，查找身边隐患，落实全员安全生产责任制。',
    kind: 'CAMPAIGN',
    campaign: '安全生产月',
    tags: ['安全生产月', '宣传海报', '全员安全生产责任制'],
    media: {
      kind: 'POSTER',
      poster: {
        headline: '安全生产月',
        title: '人人讲安全 个个会应急',
        lines: ['查找身边隐患', '落实全员安全生产责任制', '遵章守规 拒绝"三违"', '生命至上 安全第一'],
        colour: '0x0d4d2b',
      },
    },
  },
  {
    slug: 'anquanfa-quanli-yiwu',
    title: '法治宣传周：《安全生产法》中从业人员的权利和义务',
    description: '安全生产法治宣传资料：《中华人民共和国安全生产法》规定的从业人员的权利和义务，适合班前会、安全活动日学习使用。',
    kind: 'DOCUMENT',
    campaign: '法治宣传周',
    tags: ['法治宣传', '安全生产法', '从业人员权利义务'],
    media: {
      kind: 'DOCUMENT',
      document: {
        title: '《安全生产法》中从业人员的权利和义务',
        sections: [
          {
            heading: '一、从业人员的权利',
            paragraphs: [
              '知情权和建议权：有权了解其作业场所和工作岗位存在的危险因素、防范措施及事故应急措施，有权对本单位的安全生产工作提出建议。',
              '批评、检举、控告权：有权对本单位安全生产工作中存在的问题提出批评、检举、控告。',
              '拒绝权：有权拒绝违章指挥和强令冒险作业。',
              '紧急避险权：发现直接危及人身安全的紧急情况时，有权停止作业或者在采取可能的应急措施后撤离作业场所。',
              '生产经营单位不得因从业人员行使上述权利而降低其工资、福利等待遇或者解除与其订立的劳动合同。',
            ],
          },
          {
            heading: '二、从业人员的义务',
            paragraphs: [
              '在作业过程中，应当严格落实岗位安全责任，遵守本单位的安全生产规章制度和操作规程，服从管理，正确佩戴和使用劳动防护用品。',
              '应当接受安全生产教育和培训，掌握本职工作所需的安全生产知识，提高安全生产技能，增强事故预防和应急处理能力。',
              '发现事故隐患或者其他不安全因素，应当立即向现场安全生产管理人员或者本单位负责人报告。',
            ],
          },
          {
            heading: '三、培训是上岗的前提',
            paragraphs: [
              '生产经营单位应当对从业人员进行安全生产教育和培训，未经安全生产教育和培训合格的从业人员，不得上岗作业。',
              '"百千万"安全技能提升行动为职工提供线上课程，学习记录可追溯，考试合格后颁发可验证的培训证书。',
            ],
          },
        ],
      },
    },
  },
  {
    slug: 'anquan-xuanchuan-wujin',
    title: '安全宣传"五进"活动材料',
    description: '安全宣传进企业、进农村、进社区、进学校、进家庭。活动海报汇总"五进"的宣传重点，供街镇、开发区和企业组织活动时使用。',
    kind: 'CAMPAIGN',
    campaign: '安全宣传"五进"',
    tags: ['五进', '宣传活动', '社区', '家庭'],
    media: {
      kind: 'POSTER',
      poster: {
        headline: '安全宣传"五进"',
        title: '安全知识 人人共享',
        lines: ['进企业 进农村', '进社区 进学校', '进家庭', '提升全民安全意识', '提升自救互救能力'],
        colour: '0x0b3d6b',
      },
    },
  },
  {
    slug: 'jiating-yingji-wuzi',
    title: '5·12防灾减灾日：家庭应急物资储备建议',
    description: '防灾减灾日宣传资料：家庭应急物资储备的基本建议和使用注意事项，适合安全宣传进社区、进家庭活动发放。',
    kind: 'DOCUMENT',
    campaign: '5·12防灾减灾日',
    tags: ['防灾减灾', '应急物资', '家庭'],
    media: {
      kind: 'DOCUMENT',
      document: {
        title: '家庭应急物资储备建议',
        sections: [
          {
            heading: '一、基本生活物资',
            paragraphs: ['饮用水和不易变质的食品，按家庭人数储备可维持数天的用量，定期检查保质期并轮换。'],
          },
          {
            heading: '二、应急工具',
            paragraphs: ['手电筒和备用电池、收音机、口哨、多功能刀具、防风防水火柴、应急毯、结实的绳索。'],
          },
          {
            heading: '三、急救用品',
            paragraphs: ['创可贴、纱布、绷带、消毒用品、常用药品；家中有慢性病患者的，备好其常用药。'],
          },
          {
            heading: '四、重要资料',
            paragraphs: [
              '家庭成员的身份证件复印件、紧急联系人电话卡片、少量现金。',
              '物资放在家中容易取到的地方，家庭成员都要知道存放位置。',
            ],
          },
        ],
      },
    },
  },
];
