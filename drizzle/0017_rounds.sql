CREATE TYPE "public"."round_answer" AS ENUM('met', 'not_yet', 'skip');--> statement-breakpoint
CREATE TYPE "public"."round_cadence" AS ENUM('weekly', 'biweekly', 'every_4_weeks');--> statement-breakpoint
CREATE TYPE "public"."round_flagged_pairs" AS ENUM('notice', 'avoid');--> statement-breakpoint
CREATE TYPE "public"."round_mix" AS ENUM('staff_alumni', 'also_alumni_alumni');--> statement-breakpoint
CREATE TYPE "public"."round_participant_status" AS ENUM('active', 'paused', 'left');--> statement-breakpoint
CREATE TYPE "public"."round_status" AS ENUM('started', 'checked_in', 'finished');--> statement-breakpoint
CREATE TABLE "round_pair_members" (
	"pair_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"answer" "round_answer",
	"answered_at" timestamp with time zone,
	CONSTRAINT "round_pair_members_pair_id_member_id_pk" PRIMARY KEY("pair_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "round_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"shared_topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"ethics_match" jsonb,
	"group_channel_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_participants" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"status" "round_participant_status" DEFAULT 'active' NOT NULL,
	"paused_reason" text,
	"curious_topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"curious_text" text,
	"ignored_in_a_row" integer DEFAULT 0 NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"cadence" "round_cadence" DEFAULT 'biweekly' NOT NULL,
	"next_start_at" timestamp with time zone,
	"staff_max_years" integer,
	"pair_size" integer DEFAULT 2 NOT NULL,
	"mix" "round_mix" DEFAULT 'staff_alumni' NOT NULL,
	"flagged_pairs" "round_flagged_pairs" DEFAULT 'notice' NOT NULL,
	"no_repeat_rounds" integer DEFAULT 6 NOT NULL,
	"updated_by_slack_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_settings_single_row" CHECK ("round_settings"."id" = 1),
	CONSTRAINT "round_settings_pair_size" CHECK ("round_settings"."pair_size" in (2, 3))
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"check_in_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "round_status" DEFAULT 'started' NOT NULL,
	"seed" text NOT NULL,
	"settings" jsonb NOT NULL,
	"unpaired" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rounds_number_unique" UNIQUE("number"),
	CONSTRAINT "rounds_starts_at_unique" UNIQUE("starts_at")
);
--> statement-breakpoint
ALTER TABLE "round_pair_members" ADD CONSTRAINT "round_pair_members_pair_id_round_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."round_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_pair_members" ADD CONSTRAINT "round_pair_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_pairs" ADD CONSTRAINT "round_pairs_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_participants" ADD CONSTRAINT "round_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_pair_members_member_idx" ON "round_pair_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "round_pairs_round_idx" ON "round_pairs" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "round_participants_status_idx" ON "round_participants" USING btree ("status");--> statement-breakpoint
CREATE INDEX "rounds_status_idx" ON "rounds" USING btree ("status","check_in_at");