import type { JudgedProfile } from '../types';

/** Alumni in digital transformation, AI, data and cybersecurity. */
export const DIGITAL: readonly JudgedProfile[] = [
  {
    key: 'dg01', name: '坂本 大介', years: [2002, 2010], divisions: '商務情報政策局 情報処理振興課',
    organisation: 'アクシス・コンサルティング', title: 'パートナー', sector: 'consulting',
    topics: ['dx'], concepts: [],
    help: '大企業のDX推進、基幹システムの刷新、デジタル人材の育成。',
  },
  {
    key: 'dg02', name: 'Rina Abe', years: [2011, 2018], divisions: 'SME Agency',
    organisation: 'Digital Shift Partners', title: 'Principal', sector: 'consulting',
    topics: ['dx', 'sme'], concepts: [],
    help: 'Digital transformation for small and medium-sized manufacturers: cloud, e-invoicing and low-code tools.',
  },
  {
    key: 'dg03', name: '上野 聡子', years: [2009, 2017], divisions: '中小企業庁 経営支援課',
    organisation: '株式会社スマートビズ', title: '取締役COO', sector: 'startup',
    topics: ['dx', 'sme', 'startups'], concepts: [],
    help: '中小企業のデジタル化支援、IT導入補助金の活用、クラウド会計の普及。',
  },
  {
    key: 'dg04', name: 'Takeshi Hamada', years: [2013, 2018], divisions: 'Commerce and Information Policy Bureau',
    organisation: 'Neural Works', title: 'CTO', sector: 'startup',
    topics: ['ai_data', 'startups'], concepts: ['generative_ai'],
    help: 'Building products on large language models (LLMs): fine-tuning, retrieval and evaluation.',
  },
  {
    key: 'dg05', name: '増田 未来', years: [2008, 2016], divisions: '商務情報政策局 情報経済課',
    organisation: '日本データシステムズ株式会社', title: '生成AI事業推進部長', sector: 'large_company',
    topics: ['ai_data', 'dx'], concepts: ['generative_ai'],
    help: '生成AIの業務活用、社内ガイドラインの策定、RAGの導入支援。',
  },
  {
    key: 'dg06', name: 'Yui Nishikawa', years: [2010, 2019], divisions: 'Commerce and Information Policy Bureau',
    organisation: 'AI Policy Lab', title: 'Director', sector: 'nonprofit',
    topics: ['ai_data', 'regulatory_reform'], concepts: ['ai_governance'],
    help: 'AI governance: the Hiroshima AI Process, the EU AI Act, and risk-based rules for generative AI.',
  },
  {
    key: 'dg07', name: '菊地 浩之', years: [1998, 2009], divisions: '商務情報政策局 情報政策課',
    organisation: '関東法科大学', title: '教授', sector: 'academia',
    topics: ['ai_data', 'ip'], concepts: ['ai_governance'],
    help: 'AIと著作権、AI事業者ガイドライン、AIのリスク評価について講演できます。',
  },
  {
    key: 'dg08', name: 'Paul Shimizu', years: [2007, 2015], divisions: 'Commerce and Information Policy Bureau',
    organisation: 'DataBridge Japan', title: 'Managing Director', sector: 'consulting',
    topics: ['ai_data'], concepts: ['data_governance'], nearMiss: 'space (data spaces)',
    help: 'Data free flow with trust (DFFT), cross-border data transfers, and data spaces such as Catena-X.',
  },
  {
    key: 'dg09', name: '原 恵理', years: [2011, 2020], divisions: '商務情報政策局 デジタル戦略室',
    organisation: '産業データ連携推進機構', title: '事務局長', sector: 'nonprofit',
    topics: ['ai_data', 'manufacturing'], concepts: ['data_governance'],
    help: '企業間のデータ連携基盤、ウラノス・エコシステム、データ流通のルールづくり。',
  },
  {
    key: 'dg10', name: 'Kazuki Fukushima', years: [2012, 2019], divisions: 'Cybersecurity Division',
    organisation: 'Red Shield Security', title: 'CEO', sector: 'startup',
    topics: ['dx', 'startups'], concepts: ['cybersecurity', 'sme'], nearMiss: 'supply chain (supply-chain attacks)',
    help: 'Cybersecurity for small businesses, supply-chain attacks, and incident response.',
  },
  {
    key: 'dg11', name: '安藤 真理子', years: [2004, 2013], divisions: '商務情報政策局 サイバーセキュリティ課',
    organisation: '東日本電力株式会社', title: 'CISO', sector: 'large_company',
    topics: ['dx', 'economic_security'], concepts: ['cybersecurity'],
    help: 'サイバーセキュリティ体制の構築、重要インフラの防護、経営層への説明。',
  },
  {
    key: 'dg12', name: 'Jiro Katayama', years: [2006, 2012], divisions: 'Commerce and Information Policy Bureau',
    organisation: 'Control Systems Security Center', title: 'Chief Engineer', sector: 'nonprofit',
    topics: ['dx'], concepts: ['cybersecurity'],
    help: 'Security of industrial control systems and IoT devices; security labels for connected products.',
  },
  {
    key: 'dg13', name: '渡部 友美', years: [2010, 2019], divisions: '商務情報政策局 情報プロジェクト室',
    organisation: '株式会社ガブテック', title: '公共事業部長', sector: 'startup',
    topics: ['dx', 'regional_economy'], concepts: [],
    help: '自治体のDX、行政手続きのオンライン化、ガバメントクラウドへの移行。',
  },
  {
    key: 'dg14', name: 'Shun Okada', years: [2009, 2016], divisions: 'Regional Economic and Industrial Policy Group',
    organisation: 'Smart City Works', title: 'Partner', sector: 'consulting',
    topics: ['dx', 'regional_economy'], concepts: ['data_governance'],
    help: 'Smart city data platforms and regional digital projects.',
  },
  {
    key: 'dg15', name: '宮崎 真司', years: [2003, 2011], divisions: '製造産業局 ものづくり政策審議室',
    organisation: '株式会社ビジョンインスペクト', title: '代表取締役', sector: 'startup',
    topics: ['ai_data', 'manufacturing'], concepts: ['smart_factory'],
    help: '製造現場でのAI画像検査と、熟練技能のデジタル化。',
  },
  {
    key: 'dg16', name: 'Ellie Sato', years: [2014, 2019], divisions: 'Service Industries Division',
    organisation: 'LearnLoop', title: 'Head of Product', sector: 'startup',
    topics: ['education_industry'], concepts: ['edtech'], nearMiss: 'AI, data',
    help: 'Learning analytics for schools; our EdTech products use data and AI tools.',
  },
  {
    key: 'dg17', name: '吉川 純', years: [2007, 2015], divisions: '商務情報政策局 情報技術利用促進課',
    organisation: 'デジタルスキル協会', title: '専務理事', sector: 'nonprofit',
    topics: ['dx', 'hr_skills'], concepts: ['reskilling'],
    help: 'デジタル人材の育成とリスキリング講座の設計、DX推進スキル標準の普及。',
  },
  {
    key: 'dg18', name: 'Mei Tanabe', years: [2012, 2018], divisions: 'Media and Content Industry Division',
    organisation: 'Studio Prompt', title: 'Producer', sector: 'startup',
    topics: ['content_creative', 'ai_data'], concepts: ['generative_ai', 'anime_games'],
    help: 'Using generative AI in anime production, and copyright questions for creators.',
  },
  {
    key: 'dg19', name: '大西 亮', years: [2005, 2012], divisions: '経済産業政策局 企業行動課',
    organisation: '大同生命保険株式会社', title: '執行役員 CDO', sector: 'finance',
    topics: ['dx'], concepts: [],
    help: '保険業界でのデジタル戦略と組織づくり。',
  },
  {
    key: 'dg20', name: 'Ken Ishikawa', years: [2008, 2014], divisions: 'Agency for Natural Resources and Energy',
    organisation: 'Hyperscale Japan', title: 'Director of Energy Strategy', sector: 'foreign_company',
    topics: ['ai_data', 'energy_gx'], concepts: [],
    help: 'Data centres, AI computing capacity and their power demand; siting near renewable energy.',
  },
  {
    key: 'dg21', name: '内田 早苗', years: [2010, 2016], divisions: '商務・サービスグループ ヘルスケア産業課',
    organisation: 'メディカルアクセス株式会社', title: '薬事部長', sector: 'large_company',
    topics: ['healthcare_industry'], concepts: ['medical_devices'], nearMiss: 'DX',
    help: '医療機器の薬事承認と保険適用。病院のDXにも少し関わりました。',
  },
  {
    key: 'dg22', name: '北川 聡', years: [2000, 2012], divisions: '商務情報政策局 情報セキュリティ政策室',
    organisation: '情報処理安全推進機構', title: '中小企業支援部長', sector: 'public_sector',
    topics: ['dx', 'sme'], concepts: ['cybersecurity'],
    help: '中小企業向けの情報セキュリティ対策の支援、ランサムウェア被害への備えと初動対応。',
  },
];
