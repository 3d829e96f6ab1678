import type { ProfileInput } from '../services/profile-rules';
import { BOT } from './ids';
import type { SandboxUser, Workspace } from './workspace';

/** The sandbox's channels; the bot's configuration points at them. */
export const SANDBOX_CHANNELS = {
  announcements: 'C0ANNOUNCE',
  requests: 'C0REQUESTS',
  organizers: 'C0ORGANIZE',
  general: 'C0GENERAL',
} as const;

export const STAFF_DOMAIN = 'meti.go.jp';

export interface Persona extends SandboxUser {
  /** The profile the demo starts with (none: the persona registers in the sandbox). */
  profile?: Partial<ProfileInput>;
  organizer?: boolean;
  /** Left pending (not approved) so organizers have a registration to decide. */
  pending?: boolean;
}

const base: ProfileInput = {
  name: '',
  memberType: 'alumni',
  yearJoined: 2005,
  yearLeft: 2018,
  formerDivisions: null,
  organisation: null,
  jobTitle: null,
  sector: null,
  topics: [],
  helpText: null,
  helpKinds: ['opinion_exchange'],
  monthlyCapacity: 2,
  shareWithStaff: true,
  shareWithAlumni: true,
  coiDeclared: false,
  coiDescription: null,
  codeOfConductAccepted: true,
  referredBySlackUserId: null,
  interestedInReturning: false,
};

export function profileOf(persona: Persona): ProfileInput {
  return { ...base, name: persona.realName, ...persona.profile };
}

/** Demo members: alumni with varied topics and consents, one with a conflict of interest, staff, an organizer, a newcomer. */
export const PERSONAS: Persona[] = [
  {
    id: 'U0HANAKO', name: 'hanako', realName: '山田 花子', email: 'hanako@greenpower.example', locale: 'ja-JP', tz: 'Asia/Tokyo',
    title: 'OG · 再エネ (alumna, renewable energy) · shares with staff and alumni',
    profile: {
      yearJoined: 2006, yearLeft: 2019, formerDivisions: '資源エネルギー庁 新エネルギー課', organisation: '株式会社グリーンパワー総研',
      jobTitle: '主席研究員', sector: 'consulting', topics: ['renewable_energy', 'energy_gx'],
      helpText: '再エネ事業者の立場から、FIP制度の運用や系統接続の実務についてお話しできます。', helpKinds: ['opinion_exchange', 'draft_feedback'],
      monthLeft: 3,
    },
  },
  {
    id: 'U0KENJI', name: 'kenji', realName: 'Kenji Tanaka', email: 'kenji@novasilicon.example', locale: 'en-US', tz: 'Asia/Tokyo',
    title: 'OB · semiconductors · conflict of interest declared · shares with staff only',
    profile: {
      yearJoined: 2002, yearLeft: 2016, formerDivisions: 'Commerce and Information Policy Bureau', organisation: 'Nova Silicon Partners',
      jobTitle: 'Managing Director', sector: 'investment', topics: ['semiconductors', 'economic_security', 'manufacturing'],
      helpText: 'Semiconductor supply chains, fab investment decisions and what subsidies change for investors.',
      helpKinds: ['opinion_exchange', 'talks'], shareWithAlumni: false, coiDeclared: true,
      coiDescription: 'Advises a chipmaker that receives ministry subsidies (since 2024).',
      // Declared relations: Taro's post handles subsidies in investment, so asking Kenji shows the interested-party notice.
      coiRelations: ['subsidy'], coiDivisions: '商務情報政策局 情報産業課', monthLeft: 6,
    },
  },
  {
    id: 'U0MISAKI', name: 'misaki', realName: '鈴木 美咲', email: 'misaki@dxbridge.example', locale: 'ja-JP', tz: 'Asia/Tokyo',
    title: 'OG · DX・スタートアップ (alumna, DX) · capacity 1 a month',
    profile: {
      yearJoined: 2010, yearLeft: 2020, formerDivisions: '商務情報政策局 情報経済課', organisation: 'DXブリッジ株式会社', jobTitle: '代表取締役',
      sector: 'startup', topics: ['dx', 'ai_data', 'startups'], helpText: '中小企業のDX支援とスタートアップの資金調達の現場をお伝えできます。',
      helpKinds: ['opinion_exchange', 'mentoring', 'career_consultation'], monthlyCapacity: 1, interestedInReturning: true,
    },
  },
  {
    id: 'U0SHO', name: 'sho', realName: '高橋 翔', email: 'sho@example.com', locale: 'ja-JP', tz: 'Asia/Tokyo',
    title: 'OB · registration pending approval', pending: true,
    profile: { yearJoined: 2012, yearLeft: 2022, organisation: '地方創生ファンド', sector: 'finance', topics: ['regional_economy', 'sme'] },
  },
  {
    id: 'U0TARO', name: 'taro', realName: '経産 太郎', email: `taro@${STAFF_DOMAIN}`, locale: 'ja-JP', tz: 'Asia/Tokyo',
    title: '現役職員 (current staff) · looks for experts · handles subsidies (investment)',
    profile: {
      memberType: 'staff', yearJoined: 2015, yearLeft: null, formerDivisions: '資源エネルギー庁', topics: ['energy_gx'], monthlyCapacity: 0,
      currentDivision: '資源エネルギー庁 省エネルギー課', officialDuties: ['subsidies'], dutySectors: ['investment'],
    },
  },
  {
    id: 'U0EMILY', name: 'emily', realName: 'Emily Carter', email: 'emily@kakehashi-network.example', locale: 'en-US', tz: 'Asia/Tokyo',
    title: 'Organizer · approves members, runs events', organizer: true,
    profile: { yearJoined: 2004, yearLeft: 2014, organisation: 'Kakehashi Network', jobTitle: 'Coordinator', sector: 'nonprofit', topics: ['hr_skills'] },
  },
  {
    id: 'U0YUKI', name: 'yuki', realName: '伊藤 由紀', email: 'yuki@example.org', locale: 'ja-JP', tz: 'Asia/Tokyo',
    title: 'Newcomer · no profile yet (try /alumni-profile)',
  },
];

/** Puts the personas and channels into a workspace: everyone in the public channels, organizers in #organizers. */
export function addDemoWorkspace(ws: Workspace, personas: Persona[] = PERSONAS): void {
  for (const { profile: _profile, organizer: _organizer, pending: _pending, ...user } of personas) ws.addUser(user);
  const everyone = personas.map((p) => p.id);
  const organizers = personas.filter((p) => p.organizer).map((p) => p.id);
  ws.addConversation({ id: SANDBOX_CHANNELS.general, name: 'general', kind: 'public', members: everyone });
  ws.addConversation({ id: SANDBOX_CHANNELS.announcements, name: 'announcements', kind: 'public', members: [BOT.userId, ...everyone] });
  ws.addConversation({ id: SANDBOX_CHANNELS.requests, name: 'requests', kind: 'public', members: [BOT.userId, ...everyone] });
  ws.addConversation({ id: SANDBOX_CHANNELS.organizers, name: 'organizers', kind: 'private', members: [BOT.userId, ...organizers] });
}
