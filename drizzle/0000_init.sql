CREATE TYPE "public"."consent_audience" AS ENUM('staff', 'alumni');--> statement-breakpoint
CREATE TYPE "public"."member_status" AS ENUM('pending', 'active', 'declined', 'erased');--> statement-breakpoint
CREATE TYPE "public"."member_type" AS ENUM('alumni', 'staff', 'returnee');--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"audience" "consent_audience" NOT NULL,
	"granted" boolean NOT NULL,
	"text_version" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pseudonym" text NOT NULL,
	"slack_user_id" text,
	"email" text,
	"name" text,
	"locale" text,
	"member_type" "member_type" NOT NULL,
	"status" "member_status" NOT NULL,
	"year_joined" integer,
	"year_left" integer,
	"former_divisions" text,
	"organisation" text,
	"title" text,
	"sector" text,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"help_text" text,
	"help_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"monthly_capacity" integer DEFAULT 0 NOT NULL,
	"share_with_staff" boolean,
	"share_with_alumni" boolean,
	"consent_text_version" text,
	"consent_recorded_at" timestamp with time zone,
	"coi_declared" boolean,
	"coi_description" text,
	"code_of_conduct_version" text,
	"code_of_conduct_accepted_at" timestamp with time zone,
	"referred_by_slack_user_id" text,
	"interested_in_returning" boolean DEFAULT false NOT NULL,
	"profile_confirmed_at" timestamp with time zone,
	"stale_reminder_sent_at" timestamp with time zone,
	"decided_by_slack_user_id" text,
	"decided_at" timestamp with time zone,
	"approval_channel_id" text,
	"approval_message_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	CONSTRAINT "members_pseudonym_unique" UNIQUE("pseudonym"),
	CONSTRAINT "members_slackUserId_unique" UNIQUE("slack_user_id"),
	CONSTRAINT "members_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "organizers" (
	"slack_user_id" text PRIMARY KEY NOT NULL,
	"active" boolean NOT NULL,
	"changed_by_slack_user_id" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text,
	"action" text NOT NULL,
	"subject_member_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_subject_member_id_members_id_fk" FOREIGN KEY ("subject_member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_events_member_id_idx" ON "consent_events" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "members_status_idx" ON "members" USING btree ("status");--> statement-breakpoint
CREATE INDEX "members_profile_confirmed_at_idx" ON "members" USING btree ("profile_confirmed_at");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_subject_member_id_idx" ON "audit_events" USING btree ("subject_member_id");