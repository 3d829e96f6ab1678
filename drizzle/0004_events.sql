CREATE TYPE "public"."event_audience" AS ENUM('alumni', 'all');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."rsvp_answer" AS ENUM('going', 'maybe', 'not_going');--> statement-breakpoint
CREATE TABLE "event_rsvps" (
	"event_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"answer" "rsvp_answer" NOT NULL,
	"waitlisted" boolean DEFAULT false NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"waitlist_number" integer,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminder_channel_id" text,
	"reminder_scheduled_message_id" text,
	"reminder_post_at" timestamp with time zone,
	CONSTRAINT "event_rsvps_event_id_member_id_pk" PRIMARY KEY("event_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"description" text,
	"audience" "event_audience" NOT NULL,
	"capacity" integer,
	"rsvp_deadline" timestamp with time zone,
	"status" "event_status" DEFAULT 'scheduled' NOT NULL,
	"organizer_slack_user_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_rsvps_member_idx" ON "event_rsvps" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "events_starts_at_idx" ON "events" USING btree ("starts_at");