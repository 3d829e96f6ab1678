/**
 * The judged set's concept graph (SKOS-like: each concept names its broader concepts). Every
 * taxonomy topic is a concept under its own key; the finer concepts below are what staff ask for
 * and profiles cover without a topic of their own. Used only for judging: nothing here reaches the
 * search.
 */
import { POLICY_TOPICS, type TopicKey } from '../../src/services/taxonomy';

interface FineConcept {
  ja: string;
  en: string;
  broader: readonly string[];
}

export const FINE_CONCEPTS = {
  // Energy and climate
  offshore_wind: { ja: '洋上風力', en: 'offshore wind', broader: ['renewable_energy'] },
  solar: { ja: '太陽光', en: 'solar power', broader: ['renewable_energy'] },
  grid: { ja: '電力系統', en: 'power grid', broader: ['energy_gx'] },
  hydrogen: { ja: '水素・アンモニア', en: 'hydrogen and ammonia', broader: ['energy_gx'] },
  nuclear: { ja: '原子力', en: 'nuclear power', broader: ['energy_gx'] },
  decarbonisation: { ja: '脱炭素', en: 'decarbonisation', broader: ['energy_gx'] },
  energy_efficiency: { ja: '省エネルギー', en: 'energy efficiency', broader: ['energy_gx'] },
  ccus: { ja: 'CO2回収・貯留', en: 'carbon capture and storage', broader: ['decarbonisation'] },
  batteries: { ja: '蓄電池', en: 'batteries', broader: ['energy_gx'] },
  recycling: { ja: 'リサイクル', en: 'recycling', broader: ['circular_economy'] },
  sustainable_finance: { ja: 'サステナブルファイナンス', en: 'sustainable finance', broader: ['finance_investment', 'decarbonisation'] },
  // Trade and economic security
  epa_fta: { ja: '経済連携協定（EPA・FTA）', en: 'EPAs and FTAs', broader: ['trade'] },
  wto_rules: { ja: 'WTO・通商ルール', en: 'WTO and trade rules', broader: ['trade'] },
  export_control: { ja: '輸出管理', en: 'export control', broader: ['economic_security', 'trade'] },
  supply_chain: { ja: 'サプライチェーン', en: 'supply chains', broader: [] },
  supply_chain_resilience: { ja: 'サプライチェーン強靱化', en: 'supply-chain resilience', broader: ['supply_chain', 'economic_security'] },
  investment_screening: { ja: '対内直接投資審査', en: 'FDI screening', broader: ['economic_security'] },
  critical_minerals: { ja: '重要鉱物', en: 'critical minerals', broader: ['economic_security'] },
  carbon_border: { ja: '炭素国境調整措置', en: 'carbon border adjustment', broader: ['trade', 'decarbonisation'] },
  infrastructure_export: { ja: 'インフラ輸出', en: 'infrastructure export', broader: ['international_cooperation'] },
  oda: { ja: 'ODA・開発協力', en: 'development cooperation', broader: ['international_cooperation'] },
  // Industry
  ev: { ja: '電気自動車', en: 'electric vehicles', broader: ['mobility'] },
  autonomous_driving: { ja: '自動運転', en: 'autonomous driving', broader: ['mobility'] },
  smart_factory: { ja: 'スマート工場', en: 'smart factories', broader: ['manufacturing', 'dx'] },
  patents: { ja: '特許', en: 'patents', broader: ['ip'] },
  international_standards: { ja: '国際標準化', en: 'international standardisation', broader: ['standards'] },
  // Start-ups and finance
  vc_investment: { ja: 'ベンチャー投資', en: 'venture capital', broader: ['startups', 'finance_investment'] },
  deep_tech: { ja: 'ディープテック・大学発ベンチャー', en: 'deep tech and spin-outs', broader: ['startups'] },
  pe_ma: { ja: 'PE・M&A', en: 'private equity and M&A', broader: ['finance_investment'] },
  business_succession: { ja: '事業承継', en: 'business succession', broader: ['sme'] },
  sme_finance: { ja: '中小企業金融', en: 'SME finance', broader: ['sme', 'finance_investment'] },
  // Digital
  generative_ai: { ja: '生成AI', en: 'generative AI', broader: ['ai_data'] },
  ai_governance: { ja: 'AIガバナンス', en: 'AI governance', broader: ['ai_data'] },
  data_governance: { ja: 'データ流通・連携', en: 'data sharing and governance', broader: ['ai_data'] },
  cybersecurity: { ja: 'サイバーセキュリティ', en: 'cybersecurity', broader: ['dx'] },
  // Society and services
  reskilling: { ja: 'リスキリング', en: 'reskilling', broader: ['hr_skills'] },
  human_capital: { ja: '人的資本経営', en: 'human capital management', broader: ['hr_skills'] },
  digital_health: { ja: 'デジタルヘルス', en: 'digital health', broader: ['healthcare_industry'] },
  medical_devices: { ja: '医療機器', en: 'medical devices', broader: ['healthcare_industry'] },
  edtech: { ja: 'EdTech', en: 'edtech', broader: ['education_industry'] },
  anime_games: { ja: 'アニメ・ゲーム', en: 'anime and games', broader: ['content_creative'] },
  retail: { ja: '小売', en: 'retail', broader: ['distribution_services'] },
  logistics: { ja: '物流', en: 'logistics', broader: ['distribution_services'] },
  tourism: { ja: '観光', en: 'tourism', broader: ['regional_economy'] },
  regulatory_sandbox: { ja: '規制のサンドボックス', en: 'regulatory sandbox', broader: ['regulatory_reform'] },
  ebpm: { ja: 'EBPM', en: 'evidence-based policy making', broader: [] },
} as const satisfies Record<string, FineConcept>;

export type ConceptId = TopicKey | keyof typeof FINE_CONCEPTS;

/** Topics narrower than another topic. */
const TOPIC_BROADER: Partial<Record<TopicKey, readonly string[]>> = {
  renewable_energy: ['energy_gx'],
};

export interface Concept {
  id: string;
  ja: string;
  en: string;
  broader: readonly string[];
}

/** Every concept of the judged set, topics first. */
export const CONCEPTS: ReadonlyMap<string, Concept> = new Map([
  ...POLICY_TOPICS.map((topic): [string, Concept] => [
    topic.key,
    { id: topic.key, ja: topic.ja, en: topic.en, broader: TOPIC_BROADER[topic.key] ?? [] },
  ]),
  ...Object.entries(FINE_CONCEPTS).map(([id, concept]): [string, Concept] => [id, { id, ...concept }]),
]);

/** The concept and every concept narrower than it, at any depth. */
export function narrowerOrSelf(id: string): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const concept of CONCEPTS.values()) {
      if (!found.has(concept.id) && concept.broader.some((broader) => found.has(broader))) {
        found.add(concept.id);
        grew = true;
      }
    }
  }
  return found;
}
