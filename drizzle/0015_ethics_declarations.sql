ALTER TABLE "members" ADD COLUMN "coi_relations" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "coi_divisions" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "month_left" integer;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "current_division" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "official_duties" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "duty_sectors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "duty_organisations" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "ethics_supervisor_slack_user_id" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "declarations_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD COLUMN "ethics_notices" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD COLUMN "ethics_match" text;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD COLUMN "ethics_acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD COLUMN "ethics_supervisor_slack_user_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "fee_per_person" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "fee_payer" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "member_import_drafts" DROP COLUMN "content_hash";