/** Built-in bilingual vocabularies. Keys are stored; labels are shown in the reader's language. */
export interface Term {
  key: string;
  ja: string;
  en: string;
}

export const POLICY_TOPICS = [
  { key: 'energy_gx', ja: 'エネルギー・GX', en: 'Energy & GX (green transformation)' },
  { key: 'renewable_energy', ja: '再生可能エネルギー', en: 'Renewable energy' },
  { key: 'circular_economy', ja: '資源循環・サーキュラーエコノミー', en: 'Circular economy' },
  { key: 'trade', ja: '通商・貿易', en: 'Trade policy' },
  { key: 'economic_security', ja: '経済安全保障', en: 'Economic security' },
  { key: 'industrial_policy', ja: '産業政策', en: 'Industrial policy' },
  { key: 'manufacturing', ja: 'ものづくり・製造業', en: 'Manufacturing' },
  { key: 'semiconductors', ja: '半導体', en: 'Semiconductors' },
  { key: 'mobility', ja: 'モビリティ・自動車', en: 'Mobility & automotive' },
  { key: 'space', ja: '宇宙産業', en: 'Space industry' },
  { key: 'sme', ja: '中小企業', en: 'SMEs (small and medium enterprises)' },
  { key: 'startups', ja: 'スタートアップ', en: 'Start-ups' },
  { key: 'finance_investment', ja: '金融・投資', en: 'Finance & investment' },
  { key: 'dx', ja: 'DX・デジタル', en: 'DX (digital transformation)' },
  { key: 'ai_data', ja: 'AI・データ', en: 'AI & data' },
  { key: 'ip', ja: '知的財産', en: 'Intellectual property' },
  { key: 'standards', ja: '標準化・認証', en: 'Standards & certification' },
  { key: 'healthcare_industry', ja: 'ヘルスケア産業', en: 'Healthcare industry' },
  { key: 'education_industry', ja: '教育産業', en: 'Education industry' },
  { key: 'content_creative', ja: 'コンテンツ・クリエイティブ産業', en: 'Content & creative industries' },
  { key: 'distribution_services', ja: '流通・サービス産業', en: 'Distribution & service industries' },
  { key: 'regional_economy', ja: '地域経済', en: 'Regional economy' },
  { key: 'sports_industry', ja: 'スポーツ産業', en: 'Sports industry' },
  { key: 'disaster_recovery', ja: '震災復興・防災', en: 'Disaster recovery & resilience' },
  { key: 'hr_skills', ja: '人材・リスキリング', en: 'HR & skills (reskilling)' },
  { key: 'regulatory_reform', ja: '規制改革', en: 'Regulatory reform' },
  { key: 'international_cooperation', ja: '国際協力・インフラ輸出', en: 'International cooperation & infrastructure export' },
] as const satisfies readonly Term[];

export const SECTORS = [
  { key: 'consulting', ja: 'コンサルティング', en: 'Consulting' },
  { key: 'finance', ja: '金融（銀行・証券・保険）', en: 'Finance (banking, securities, insurance)' },
  { key: 'investment', ja: '投資（VC・PE・ファンド）', en: 'Investment (VC, PE, funds)' },
  { key: 'startup', ja: 'スタートアップ', en: 'Start-up' },
  { key: 'large_company', ja: '事業会社（大企業）', en: 'Large company' },
  { key: 'foreign_company', ja: '外資系企業', en: 'Foreign company' },
  { key: 'legal_accounting', ja: '法律・会計', en: 'Law & accounting' },
  { key: 'academia', ja: '大学・研究機関', en: 'Academia & research' },
  { key: 'nonprofit', ja: 'NPO・財団', en: 'Non-profit & foundations' },
  { key: 'international_org', ja: '国際機関', en: 'International organisation' },
  { key: 'public_sector', ja: '自治体・公的機関', en: 'Local government & public bodies' },
  { key: 'media', ja: 'メディア', en: 'Media' },
  { key: 'self_employed', ja: '独立・個人事業', en: 'Self-employed' },
  { key: 'other', ja: 'その他', en: 'Other' },
] as const satisfies readonly Term[];

export const HELP_KINDS = [
  { key: 'opinion_exchange', ja: '意見交換・ヒアリング', en: 'Opinion exchange & hearings' },
  { key: 'talks', ja: '講演・勉強会', en: 'Talks & study sessions' },
  { key: 'draft_feedback', ja: '政策案へのフィードバック', en: 'Feedback on policy drafts' },
  { key: 'mentoring', ja: '若手職員のメンタリング', en: 'Mentoring young staff' },
  { key: 'career_consultation', ja: 'キャリア・復帰相談', en: 'Career & return consultation' },
] as const satisfies readonly Term[];

export type TopicKey = (typeof POLICY_TOPICS)[number]['key'];
export type SectorKey = (typeof SECTORS)[number]['key'];
export type HelpKindKey = (typeof HELP_KINDS)[number]['key'];

export const TOPIC_KEYS = POLICY_TOPICS.map((term) => term.key) as [TopicKey, ...TopicKey[]];
export const SECTOR_KEYS = SECTORS.map((term) => term.key) as [SectorKey, ...SectorKey[]];
export const HELP_KIND_KEYS = HELP_KINDS.map((term) => term.key) as [HelpKindKey, ...HelpKindKey[]];

/** The label of a stored key in a language; an unknown key (from an older taxonomy) shows as is. */
export function termLabel(terms: readonly Term[], key: string, locale: 'ja' | 'en'): string {
  return terms.find((term) => term.key === key)?.[locale] ?? key;
}

/** Finds a term by key or by its label in either language (for CSV import). */
export function findTerm(terms: readonly Term[], text: string): Term | undefined {
  const wanted = text.trim().normalize('NFKC').toLowerCase();
  return terms.find(
    (term) =>
      term.key === wanted || term.ja.normalize('NFKC').toLowerCase() === wanted || term.en.toLowerCase() === wanted,
  );
}
