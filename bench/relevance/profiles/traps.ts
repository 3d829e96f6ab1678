import type { JudgedProfile } from '../types';

/**
 * Profiles that match the queries well but must never be offered to staff: each is counted as a
 * leak if a search returns it. Their concepts say which queries they would answer if visible.
 */
export const TRAPS: readonly JudgedProfile[] = [
  {
    key: 'tp01', name: '宮下 隆', years: [1998, 2014], divisions: '貿易経済協力局 安全保障貿易管理課',
    organisation: '宮下貿易管理コンサルティング', title: '代表', sector: 'self_employed',
    topics: ['economic_security', 'trade'], concepts: ['export_control'], trap: 'no_staff_consent',
    help: '輸出管理と経済安全保障のコンサルタントです。該非判定、キャッチオール規制、社内規程の整備。',
  },
  {
    key: 'tp02', name: 'Grace Hamilton', years: [2006, 2013], divisions: 'Economic and Industrial Policy Bureau',
    organisation: 'Sakura Venture Capital', title: 'Partner', sector: 'investment',
    topics: ['startups', 'finance_investment'], concepts: ['vc_investment', 'deep_tech'], trap: 'no_staff_consent',
    help: 'Venture capital partner: seed and Series A investment in deep tech start-ups.',
  },
  {
    key: 'tp03', name: '菅野 裕太', years: [2005, 2016], divisions: '資源エネルギー庁 新エネルギー課',
    organisation: '株式会社オーシャンウインド', title: '代表取締役', sector: 'startup',
    topics: ['renewable_energy'], concepts: ['offshore_wind', 'grid'], trap: 'no_staff_consent',
    help: '洋上風力の案件形成と系統接続、再エネの事業開発について。',
  },
  {
    key: 'tp04', name: '岩田 俊', years: [2003, 2015], divisions: '商務情報政策局 情報産業課',
    organisation: 'セミコンリサーチ株式会社', title: '主席アナリスト', sector: 'consulting',
    topics: ['semiconductors', 'economic_security'], concepts: ['supply_chain_resilience', 'export_control'], trap: 'pending',
    help: '半導体のサプライチェーンと輸出管理、経済安全保障の観点からの工場誘致。',
  },
  {
    key: 'tp05', name: 'Oliver Tsuda', years: [2012, 2020], divisions: 'Commerce and Information Policy Bureau',
    organisation: 'GenAI Studio', title: 'Founder', sector: 'startup',
    topics: ['ai_data', 'startups'], concepts: ['generative_ai'], trap: 'pending',
    help: 'Generative AI for business: LLM products, AI governance and deploying 生成AI at work.',
  },
  {
    key: 'tp06', name: '野田 早紀', years: [2009, 2018], divisions: '中小企業庁 経営支援課',
    organisation: '中小企業DX研究所', title: '所長', sector: 'consulting',
    topics: ['dx', 'sme'], concepts: ['cybersecurity'], trap: 'pending',
    help: '中小企業のDXとサイバーセキュリティ対策の支援。',
  },
  {
    key: 'tp07', name: '坂田 浩一', years: [1996, 2012], divisions: '中小企業庁 財務課',
    organisation: '坂田事業承継パートナーズ', title: '代表', sector: 'consulting',
    topics: ['sme', 'finance_investment'], concepts: ['business_succession', 'pe_ma'], trap: 'zero_capacity',
    help: '中小企業の事業承継とM&A。business succession for family firms.',
  },
  {
    key: 'tp08', name: 'Hannah Oshiro', years: [2010, 2017], divisions: 'Agency for Natural Resources and Energy',
    organisation: 'Hydrogen Japan Council', title: 'Secretary General', sector: 'nonprofit',
    topics: ['energy_gx'], concepts: ['hydrogen', 'ccus'], trap: 'zero_capacity',
    help: 'Hydrogen economy, hydrogen supply chain projects, and CCUS.',
  },
  {
    key: 'tp09', name: '片山 亮', years: [1999, 2016], divisions: '通商政策局 経済連携課',
    organisation: '国際通商研究所', title: '理事', sector: 'academia',
    topics: ['trade'], concepts: ['epa_fta', 'wto_rules'], trap: 'zero_capacity',
    help: '経済連携協定（EPA・FTA）の交渉とWTOルール。FTA negotiations.',
  },
  {
    key: 'tp10', name: '経産 一郎', memberType: 'staff', years: [2010, null], divisions: '貿易経済安全保障局 貿易管理部',
    organisation: '経済産業省', title: '課長補佐', sector: 'public_sector',
    topics: ['economic_security', 'trade'], concepts: ['export_control', 'investment_screening'], trap: 'staff',
    help: '輸出管理と経済安全保障、対内直接投資の審査を担当しています。',
  },
  {
    key: 'tp11', name: '霞 みどり', memberType: 'staff', years: [2015, null], divisions: '経済産業政策局 新規事業創造推進室',
    organisation: '経済産業省', title: '係長', sector: 'public_sector',
    topics: ['startups', 'finance_investment'], concepts: ['vc_investment'], trap: 'staff',
    help: 'スタートアップ投資、VC、ベンチャー支援の政策を担当。',
  },
  {
    key: 'tp12', name: 'Taro Kasumi', memberType: 'staff', years: [2018, null], divisions: 'Human Resources Policy Office',
    organisation: 'METI', title: 'Deputy Director', sector: 'public_sector',
    topics: ['hr_skills'], concepts: ['reskilling', 'human_capital'], trap: 'staff',
    help: 'Reskilling and リスキリング policy; human capital management.',
  },
  {
    key: 'tp13', name: '電田 誠', memberType: 'staff', years: [2012, null], divisions: '資源エネルギー庁 新エネルギー課',
    organisation: '経済産業省', title: '課長補佐', sector: 'public_sector',
    topics: ['renewable_energy', 'energy_gx'], concepts: ['grid', 'solar', 'offshore_wind'], trap: 'staff',
    help: '再エネの系統接続、太陽光と洋上風力の導入拡大を担当しています。',
  },
];
