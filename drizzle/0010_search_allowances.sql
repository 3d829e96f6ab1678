CREATE TABLE "search_allowances" (
	"slack_user_id" text PRIMARY KEY NOT NULL,
	"recent_searches" timestamp with time zone[] NOT NULL
);
