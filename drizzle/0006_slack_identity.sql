CREATE TYPE "public"."slack_standing" AS ENUM('member', 'allowed_guest', 'guest', 'external', 'deactivated', 'not_a_person', 'invited');--> statement-breakpoint
ALTER TYPE "public"."introduction_status" ADD VALUE 'closed';--> statement-breakpoint
CREATE TABLE "allowed_guests" (
	"slack_user_id" text PRIMARY KEY NOT NULL,
	"allowed_by_slack_user_id" text NOT NULL,
	"allowed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_users" (
	"slack_user_id" text PRIMARY KEY NOT NULL,
	"account_standing" "slack_standing" NOT NULL,
	"email" text,
	"real_name" text,
	"slack_locale" text,
	"tz" text,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "members_staff_search_recent_idx";--> statement-breakpoint
DROP INDEX "members_alumni_search_recent_idx";--> statement-breakpoint
DROP INDEX "members_staff_search_idx";--> statement-breakpoint
DROP INDEX "members_alumni_search_idx";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "slack_standing" "slack_standing";--> statement-breakpoint
CREATE INDEX "members_staff_search_recent_idx" ON "members" USING btree ("profile_confirmed_at" DESC NULLS LAST,"id","topics","unavailable_until","slack_user_id") WHERE "members"."status" = 'active' and "members"."member_type" in ('alumni', 'returnee') and "members"."share_with_staff" is true and "members"."monthly_capacity" > 0 and ("members"."slack_standing" is null or "members"."slack_standing" in ('member', 'allowed_guest'));--> statement-breakpoint
CREATE INDEX "members_alumni_search_recent_idx" ON "members" USING btree ("profile_confirmed_at" DESC NULLS LAST,"id","topics","unavailable_until","slack_user_id") WHERE "members"."status" = 'active' and "members"."member_type" in ('alumni', 'returnee') and "members"."share_with_alumni" is true and "members"."monthly_capacity" > 0 and ("members"."slack_standing" is null or "members"."slack_standing" in ('member', 'allowed_guest'));--> statement-breakpoint
CREATE INDEX "members_staff_search_idx" ON "members" USING gin ("topics","search_document") WHERE "members"."status" = 'active' and "members"."member_type" in ('alumni', 'returnee') and "members"."share_with_staff" is true and "members"."monthly_capacity" > 0 and ("members"."slack_standing" is null or "members"."slack_standing" in ('member', 'allowed_guest'));--> statement-breakpoint
CREATE INDEX "members_alumni_search_idx" ON "members" USING gin ("topics","search_document") WHERE "members"."status" = 'active' and "members"."member_type" in ('alumni', 'returnee') and "members"."share_with_alumni" is true and "members"."monthly_capacity" > 0 and ("members"."slack_standing" is null or "members"."slack_standing" in ('member', 'allowed_guest'));