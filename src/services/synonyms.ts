import type { TopicKey } from './taxonomy';

/**
 * Words that mean the same thing in the field, in both languages, with their common short forms.
 * A search for any form finds profiles written with any other, and a group tied to a taxonomy
 * topic also describes that topic (so `再エネ` finds members who picked "Renewable energy").
 * Forms are written as people type them; they are normalised (NFKC, lower case) before use.
 */
export interface SynonymGroup {
  topic?: TopicKey;
  forms: readonly string[];
  /**
   * Broader topics of a narrower concept (SKOS `broader`): a search for it also finds members who
   * chose one of these, ranked after everyone who matches it directly.
   */
  broader?: readonly TopicKey[];
  /** Topics related to this concept (SKOS `related`): suggested beside the results of a search for it. */
  related?: readonly TopicKey[];
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  // Energy and climate
  { topic: 'renewable_energy', forms: ['再生可能エネルギー', '再エネ', '再生エネルギー', '自然エネルギー', 'renewable energy', 'renewables'] },
  { topic: 'energy_gx', forms: ['GX', 'グリーントランスフォーメーション', 'green transformation'] },
  { topic: 'energy_gx', forms: ['エネルギー', 'energy'] },
  { forms: ['脱炭素', 'カーボンニュートラル', 'ネットゼロ', 'decarbonisation', 'decarbonization', 'carbon neutral', 'carbon neutrality', 'net zero'], broader: ['energy_gx'] },
  { forms: ['省エネルギー', '省エネ', 'energy efficiency', 'energy saving'], broader: ['energy_gx'] },
  { forms: ['系統', '電力系統', 'power grid', 'grid'], broader: ['energy_gx'] },
  { forms: ['電力', 'electricity', 'electric power'], broader: ['energy_gx'] },
  { forms: ['水素', 'hydrogen'], broader: ['energy_gx'] },
  { forms: ['原子力', '原発', 'nuclear'], broader: ['energy_gx'] },
  { forms: ['太陽光', 'solar'], broader: ['renewable_energy'] },
  { forms: ['浮体式洋上風力', '浮体式', 'floating offshore wind'], broader: ['renewable_energy'] },
  { forms: ['洋上風力', 'offshore wind'], broader: ['renewable_energy'] },
  { forms: ['風力', 'wind power'], broader: ['renewable_energy'] },
  { forms: ['蓄電池', 'battery', 'batteries'], broader: ['energy_gx'] },
  { forms: ['CCS', 'CCUS', '二酸化炭素回収', 'carbon capture'], broader: ['energy_gx'] },
  { topic: 'circular_economy', forms: ['サーキュラーエコノミー', '循環経済', '資源循環', 'circular economy'] },
  { forms: ['リサイクル', 'recycling'], broader: ['circular_economy'] },
  { forms: ['サステナビリティ', '持続可能性', 'sustainability', 'ESG'] },
  // Trade, security, industry
  { topic: 'trade', forms: ['通商', '通商政策', 'trade policy'] },
  { topic: 'trade', forms: ['貿易', 'trade'] },
  { forms: ['輸出管理', '安全保障貿易管理', 'export control', 'export controls'], broader: ['economic_security', 'trade'] },
  { forms: ['経済連携協定', 'EPA', 'FTA', '自由貿易協定', 'TPP', 'RCEP', 'economic partnership agreement', 'free trade agreement'], broader: ['trade'] },
  { forms: ['CBAM', '炭素国境調整', '炭素国境調整措置', 'carbon border adjustment'], broader: ['trade', 'energy_gx'] },
  { topic: 'economic_security', forms: ['経済安全保障', '経済安保', 'economic security'] },
  { forms: ['重要鉱物', 'レアアース', 'レアメタル', 'critical minerals', 'critical mineral', 'rare earths', 'rare earth'], broader: ['economic_security'] },
  { forms: ['対内直接投資', '対日直接投資', '外国直接投資', 'FDI', 'foreign direct investment', 'inward investment', 'inward direct investment'], broader: ['economic_security', 'trade'] },
  { forms: ['投資審査', '外為法', 'investment screening'], broader: ['economic_security'] },
  { forms: ['WTO', '世界貿易機関', 'World Trade Organization', 'World Trade Organisation'], broader: ['trade'] },
  { forms: ['サプライチェーン', '供給網', 'supply chain'] },
  { topic: 'industrial_policy', forms: ['産業政策', 'industrial policy'] },
  { topic: 'manufacturing', forms: ['製造業', 'ものづくり', 'モノづくり', 'manufacturing'] },
  { topic: 'semiconductors', forms: ['半導体', 'semiconductor', 'chip'] },
  { topic: 'mobility', forms: ['モビリティ', 'mobility'] },
  { topic: 'mobility', forms: ['自動車', 'automotive', 'automobile'] },
  { forms: ['EV', '電気自動車', 'electric vehicle'], broader: ['mobility'] },
  { forms: ['自動運転', 'autonomous driving', 'self-driving', 'automated driving'], broader: ['mobility'] },
  { forms: ['MaaS', 'mobility as a service'], broader: ['mobility'] },
  { topic: 'space', forms: ['宇宙', 'space'] },
  // Business and finance
  { topic: 'sme', forms: ['中小企業', '中小・小規模事業者', 'SME', 'small and medium enterprises', 'small and medium-sized enterprises', 'small business'] },
  { topic: 'startups', forms: ['スタートアップ', 'ベンチャー', 'start-up', 'startup', 'venture'] },
  { forms: ['事業承継', 'business succession'], broader: ['sme'] },
  { forms: ['起業', 'entrepreneurship', 'entrepreneur'], broader: ['startups'] },
  { forms: ['ディープテック', 'deep tech', 'deeptech', 'deep-tech'], broader: ['startups'] },
  { topic: 'finance_investment', forms: ['金融', 'finance', 'financial'] },
  { topic: 'finance_investment', forms: ['投資', 'investment', 'investor'] },
  { forms: ['VC', 'ベンチャーキャピタル', 'venture capital'], broader: ['startups', 'finance_investment'] },
  { forms: ['PE', 'プライベートエクイティ', 'private equity'], broader: ['finance_investment'] },
  { forms: ['M&A', '買収', 'acquisition'], broader: ['finance_investment'] },
  // Digital
  { topic: 'dx', forms: ['DX', 'デジタルトランスフォーメーション', 'digital transformation'] },
  { topic: 'dx', forms: ['デジタル化', 'デジタライゼーション', 'digitalisation', 'digitalization'] },
  { topic: 'dx', forms: ['デジタル', 'digital'] },
  { topic: 'ai_data', forms: ['AI', '人工知能', 'artificial intelligence'] },
  { forms: ['生成AI', 'generative AI', 'GenAI', 'LLM', '大規模言語モデル', 'large language model'], broader: ['ai_data'] },
  { forms: ['機械学習', 'machine learning'], broader: ['ai_data'] },
  { topic: 'ai_data', forms: ['データ', 'data'] },
  { forms: ['サイバーセキュリティ', 'サイバー', 'cybersecurity', 'cyber security'], broader: ['dx'] },
  { forms: ['IoT', 'モノのインターネット', 'internet of things'], broader: ['dx'] },
  // Rules and standards
  { topic: 'ip', forms: ['知的財産', '知財', 'intellectual property', 'IP'] },
  { forms: ['特許', 'patent'], broader: ['ip'] },
  { topic: 'standards', forms: ['標準化', 'standardisation', 'standardization', 'standards'] },
  { topic: 'standards', forms: ['認証', 'certification'] },
  { topic: 'regulatory_reform', forms: ['規制改革', 'regulatory reform'] },
  { topic: 'regulatory_reform', forms: ['規制緩和', 'deregulation'] },
  { forms: ['規制', 'regulation'], broader: ['regulatory_reform'] },
  { forms: ['EBPM', 'エビデンスに基づく政策立案', 'evidence-based policy'] },
  // Sectors and society
  { topic: 'healthcare_industry', forms: ['ヘルスケア', 'healthcare', 'health care'] },
  { forms: ['医療機器', 'medical device', 'medical devices'], broader: ['healthcare_industry'] },
  { forms: ['医療', 'medical'], broader: ['healthcare_industry'] },
  { topic: 'education_industry', forms: ['教育', 'education', 'EdTech'] },
  { topic: 'content_creative', forms: ['コンテンツ', 'content'] },
  { topic: 'content_creative', forms: ['クリエイティブ', 'creative'] },
  { forms: ['アニメ', 'anime'], broader: ['content_creative'] },
  { forms: ['ゲーム', 'game', 'gaming'], broader: ['content_creative'] },
  { topic: 'distribution_services', forms: ['流通', 'distribution'] },
  { topic: 'distribution_services', forms: ['サービス産業', 'service industry', 'service industries'] },
  { forms: ['小売', 'retail'], broader: ['distribution_services'] },
  { forms: ['物流', 'ロジスティクス', 'logistics'], broader: ['distribution_services'] },
  { topic: 'regional_economy', forms: ['地域経済', 'regional economy'] },
  { forms: ['地方創生', 'regional revitalisation', 'regional revitalization'], broader: ['regional_economy'] },
  { topic: 'sports_industry', forms: ['スポーツ', 'sport'] },
  { topic: 'disaster_recovery', forms: ['震災復興', '復興', 'reconstruction'] },
  { topic: 'disaster_recovery', forms: ['防災', 'disaster prevention', 'resilience'] },
  { forms: ['災害', 'disaster'], broader: ['disaster_recovery'] },
  { topic: 'hr_skills', forms: ['リスキリング', 'reskilling', 're-skilling', '学び直し', 'upskilling'] },
  { topic: 'hr_skills', forms: ['人材', 'talent', 'human resources', 'HR'] },
  { forms: ['人的資本', 'human capital'], broader: ['hr_skills'] },
  { topic: 'international_cooperation', forms: ['国際協力', 'international cooperation'] },
  { topic: 'international_cooperation', forms: ['インフラ輸出', 'infrastructure export'] },
  { forms: ['ODA', '政府開発援助', 'official development assistance'], broader: ['international_cooperation'] },
  { forms: ['政策', 'policy'] },
];

/**
 * Topics that people who ask about one often also need (SKOS `related`, both ways): suggested
 * beside the results of a search that names one of them.
 */
export const RELATED_TOPICS: readonly (readonly [TopicKey, TopicKey])[] = [
  ['energy_gx', 'renewable_energy'],
  ['energy_gx', 'circular_economy'],
  ['energy_gx', 'mobility'],
  ['trade', 'economic_security'],
  ['trade', 'international_cooperation'],
  ['economic_security', 'semiconductors'],
  ['semiconductors', 'industrial_policy'],
  ['manufacturing', 'industrial_policy'],
  ['manufacturing', 'dx'],
  ['startups', 'finance_investment'],
  ['startups', 'regulatory_reform'],
  ['space', 'startups'],
  ['sme', 'regional_economy'],
  ['sme', 'dx'],
  ['dx', 'ai_data'],
  ['ip', 'standards'],
  ['hr_skills', 'education_industry'],
  ['healthcare_industry', 'ai_data'],
  ['content_creative', 'ip'],
  ['distribution_services', 'dx'],
  ['regional_economy', 'sports_industry'],
  ['disaster_recovery', 'regional_economy'],
];
