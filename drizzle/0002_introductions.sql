CREATE TYPE "public"."introduction_format" AS ENUM('call', 'meeting', 'written');--> statement-breakpoint
CREATE TYPE "public"."introduction_kind" AS ENUM('direct', 'open');--> statement-breakpoint
CREATE TYPE "public"."introduction_purpose" AS ENUM('policy_research', 'draft_feedback', 'talk', 'mentoring', 'other');--> statement-breakpoint
CREATE TYPE "public"."introduction_status" AS ENUM('open', 'pending', 'accepted', 'declined', 'expired');--> statement-breakpoint
CREATE TABLE "introduction_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "introduction_kind" NOT NULL,
	"status" "introduction_status" NOT NULL,
	"requester_slack_user_id" text NOT NULL,
	"requester_member_id" uuid,
	"requester_name" text,
	"requester_audience" "consent_audience" NOT NULL,
	"requester_division" text,
	"alumnus_member_id" uuid,
	"topic" text NOT NULL,
	"purpose" "introduction_purpose" NOT NULL,
	"details" text NOT NULL,
	"format" "introduction_format" NOT NULL,
	"due_date" date NOT NULL,
	"coi_disclosure" text,
	"coi_acknowledged_at" timestamp with time zone,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"expiry_notice_sent_at" timestamp with time zone,
	"delivered_channel_id" text,
	"delivered_message_ts" text,
	"group_channel_id" text
);
--> statement-breakpoint
CREATE TABLE "introduction_volunteers" (
	"request_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"volunteered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "introduction_volunteers_request_id_member_id_pk" PRIMARY KEY("request_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "unavailable_until" date;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD CONSTRAINT "introduction_requests_requester_member_id_members_id_fk" FOREIGN KEY ("requester_member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_requests" ADD CONSTRAINT "introduction_requests_alumnus_member_id_members_id_fk" FOREIGN KEY ("alumnus_member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_volunteers" ADD CONSTRAINT "introduction_volunteers_request_id_introduction_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."introduction_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introduction_volunteers" ADD CONSTRAINT "introduction_volunteers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "introduction_requests_status_due_idx" ON "introduction_requests" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "introduction_requests_alumnus_idx" ON "introduction_requests" USING btree ("alumnus_member_id","status");--> statement-breakpoint
CREATE INDEX "introduction_requests_requester_idx" ON "introduction_requests" USING btree ("requester_slack_user_id","created_at");--> statement-breakpoint
CREATE INDEX "introduction_requests_created_at_idx" ON "introduction_requests" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "introduction_requests_one_pending_idx" ON "introduction_requests" USING btree ("requester_slack_user_id","alumnus_member_id") WHERE "introduction_requests"."status" = 'pending';