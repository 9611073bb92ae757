CREATE TABLE activity_participants (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ActivityId" uuid NOT NULL,
    "TeamMemberId" uuid NOT NULL,
    CONSTRAINT "PK_activity_participants" PRIMARY KEY ("Id")
);


CREATE TABLE activity_photos (
    "Id" uuid NOT NULL,
    "ActivityId" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "Bytes" bytea NOT NULL,
    "ByteLength" integer NOT NULL,
    "Width" integer NOT NULL,
    "Height" integer NOT NULL,
    "ThumbnailBytes" bytea NOT NULL,
    "UploadedBy" uuid,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_activity_photos" PRIMARY KEY ("Id")
);


CREATE TABLE agenda_items (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "DiscussionNotes" character varying(4000),
    "ResolutionId" uuid,
    CONSTRAINT "PK_agenda_items" PRIMARY KEY ("Id")
);


CREATE TABLE areas (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ParentId" uuid,
    "Level" integer NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Path" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "RetiredAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_areas" PRIMARY KEY ("Id")
);


CREATE TABLE audit_chain_heads (
    "DistrictId" uuid NOT NULL,
    "Sequence" bigint NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_audit_chain_heads" PRIMARY KEY ("DistrictId")
);


CREATE TABLE audit_entries (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorId" uuid,
    "ActorName" character varying(64) NOT NULL,
    "Action" character varying(64) NOT NULL,
    "EntityType" character varying(64) NOT NULL,
    "EntityId" uuid NOT NULL,
    "From" character varying(1000),
    "To" character varying(1000),
    "Note" character varying(2000),
    "Sequence" bigint NOT NULL,
    "PreviousHash" character varying(64) NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_audit_entries" PRIMARY KEY ("Id")
);


CREATE TABLE block_chiefs (
    "Id" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Label" character varying(60) NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "UserId" uuid,
    "ResidentId" uuid,
    "DisplayName" character varying(40) NOT NULL,
    "StartedOn" date NOT NULL,
    "EndedOn" date,
    "EndReason" character varying(200),
    CONSTRAINT "PK_block_chiefs" PRIMARY KEY ("Id")
);


CREATE TABLE common_issues (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "LeadDemandId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_common_issues" PRIMARY KEY ("Id")
);


CREATE TABLE council_members (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "CouncilId" uuid NOT NULL,
    "UserId" uuid,
    "ResidentId" uuid,
    "DisplayName" character varying(50) NOT NULL,
    "Position" integer NOT NULL,
    "TermStart" date,
    "TermEnd" date,
    "StartedOn" date NOT NULL,
    "EndedOn" date,
    "EndReason" character varying(200),
    CONSTRAINT "PK_council_members" PRIMARY KEY ("Id")
);


CREATE TABLE councils (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Kind" integer NOT NULL,
    "QuorumNumerator" integer NOT NULL,
    "QuorumDenominator" integer NOT NULL,
    "QuorumInclusive" boolean NOT NULL,
    "MajorityNumerator" integer NOT NULL,
    "MajorityDenominator" integer NOT NULL,
    "MajorityInclusive" boolean NOT NULL,
    "AgendaLeadDays" integer NOT NULL,
    "MaxTopicsPerMeeting" integer,
    "DecidesVitalInterests" boolean NOT NULL,
    "NoticeDays" integer NOT NULL,
    "Archived" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "Recurrence_Days" character varying(100) NOT NULL,
    "Recurrence_Form" integer NOT NULL,
    "Recurrence_Kind" integer NOT NULL,
    "Recurrence_MonthOffset" integer NOT NULL,
    "Recurrence_Place" character varying(100),
    "Recurrence_TimeOfDayMinutes" integer NOT NULL,
    "Recurrence_Weekday" integer NOT NULL,
    CONSTRAINT "PK_councils" PRIMARY KEY ("Id")
);


CREATE TABLE deadline_rules (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "Ownership" integer,
    "Urgent" boolean NOT NULL,
    "AcknowledgeMinutes" integer NOT NULL,
    "ResolveMinutes" integer NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_deadline_rules" PRIMARY KEY ("Id")
);


CREATE TABLE demand_photos (
    "Id" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "Bytes" bytea NOT NULL,
    "ByteLength" integer NOT NULL,
    "Width" integer NOT NULL,
    "Height" integer NOT NULL,
    "ThumbnailBytes" bytea NOT NULL,
    "UploadedBy" uuid,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_demand_photos" PRIMARY KEY ("Id")
);


CREATE TABLE demand_settings (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "RatingWindowDays" integer NOT NULL,
    "ReviewAfterDays" integer NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_demand_settings" PRIMARY KEY ("Id")
);


CREATE TABLE demand_timers (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "FiredAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_demand_timers" PRIMARY KEY ("Id")
);


CREATE TABLE demands (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "TrackingCode" character varying(32) NOT NULL,
    "Description" character varying(2000) NOT NULL,
    "Location" character varying(200),
    "Channel" integer NOT NULL,
    "Urgent" boolean NOT NULL,
    "ContactPhone" character varying(20),
    "ReporterUserId" uuid,
    "RecordedByUserId" uuid,
    "Status" integer NOT NULL,
    "Level" integer NOT NULL,
    "LevelSince" timestamp with time zone NOT NULL,
    "EscalationCount" integer NOT NULL,
    "Ownership" integer,
    "ContentCategory" integer,
    "MustDeliberate" integer,
    "UnitId" uuid,
    "AssigneeUserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "AcknowledgedAt" timestamp with time zone,
    "FirstRespondedAt" timestamp with time zone,
    "AcknowledgeDueAt" timestamp with time zone,
    "ResolveDueAt" timestamp with time zone,
    "DueAt" timestamp with time zone,
    "HandledAt" timestamp with time zone,
    "ClosedAt" timestamp with time zone,
    "Reply" character varying(2000),
    "HandledOnSpot" boolean NOT NULL,
    "Satisfaction" integer,
    "RatingComment" character varying(1000),
    "RatedAt" timestamp with time zone,
    "ReopenCount" integer NOT NULL,
    "ReviewMetExpectations" boolean,
    "CloseReason" character varying(1000),
    "CommonIssueId" uuid,
    "DeliberatedAt" timestamp with time zone,
    "DeliberationExemption" character varying(4000),
    "DeliberationExemptedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_demands" PRIMARY KEY ("Id")
);


CREATE TABLE evaluation_criteria (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "Name" character varying(60) NOT NULL,
    "MaxScore" integer NOT NULL,
    "Order" integer NOT NULL,
    CONSTRAINT "PK_evaluation_criteria" PRIMARY KEY ("Id")
);


CREATE TABLE evaluation_evaluators (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "OwnServiceAreaId" uuid NOT NULL,
    CONSTRAINT "PK_evaluation_evaluators" PRIMARY KEY ("Id")
);


CREATE TABLE evaluation_rounds (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "Kind" integer NOT NULL,
    "Period" character varying(30) NOT NULL,
    "Status" integer NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ClosedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_evaluation_rounds" PRIMARY KEY ("Id")
);


CREATE TABLE evaluation_score_items (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ScoreId" uuid NOT NULL,
    "CriterionId" uuid NOT NULL,
    "Score" integer NOT NULL,
    CONSTRAINT "PK_evaluation_score_items" PRIMARY KEY ("Id")
);


CREATE TABLE evaluation_scores (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "EvaluatorUserId" uuid NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "Total" integer NOT NULL,
    "ScoredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_evaluation_scores" PRIMARY KEY ("Id")
);


CREATE TABLE follow_up_reviews (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "MeetingId" uuid,
    "MetExpectations" boolean NOT NULL,
    "ResidentsSatisfied" boolean NOT NULL,
    "Note" character varying(1000),
    "ByUserId" uuid NOT NULL,
    "ReviewedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_follow_up_reviews" PRIMARY KEY ("Id")
);


CREATE TABLE handling_units (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Duties" character varying(500),
    "Active" boolean NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_handling_units" PRIMARY KEY ("Id")
);


CREATE TABLE household_visits (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "VisitorMemberId" uuid,
    "VisitorUserId" uuid,
    "VisitorName" character varying(40) NOT NULL,
    "VisitedOn" date NOT NULL,
    "Notes" character varying(2000),
    "RecordedBy" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_household_visits" PRIMARY KEY ("Id")
);


CREATE TABLE households (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "HouseNumber" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_households" PRIMARY KEY ("Id")
);


CREATE TABLE idempotent_submissions (
    "Id" uuid NOT NULL,
    "Scope" character varying(80) NOT NULL,
    "Key" character varying(100) NOT NULL,
    "RequestHash" character varying(64) NOT NULL,
    "DistrictId" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_idempotent_submissions" PRIMARY KEY ("Id")
);


CREATE TABLE implementation_tasks (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "TopicId" uuid NOT NULL,
    "ResolutionId" uuid NOT NULL,
    "Title" character varying(100) NOT NULL,
    "OwnerUserId" uuid NOT NULL,
    "OwnerName" character varying(50) NOT NULL,
    "DueOn" date NOT NULL,
    "ProgressPercent" integer NOT NULL,
    "BudgetFen" bigint NOT NULL,
    "SpentFen" bigint NOT NULL,
    "Status" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CompletedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_implementation_tasks" PRIMARY KEY ("Id")
);


CREATE TABLE meeting_attendances (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "CouncilMemberId" uuid NOT NULL,
    "CheckedInAt" timestamp with time zone NOT NULL,
    "Method" integer NOT NULL,
    "RecordedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_meeting_attendances" PRIMARY KEY ("Id")
);


CREATE TABLE meeting_documents (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Bytes" bytea NOT NULL,
    "IsPhoto" boolean NOT NULL,
    "UploadedBy" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_meeting_documents" PRIMARY KEY ("Id")
);


CREATE TABLE meetings (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "CouncilId" uuid NOT NULL,
    "Number" character varying(32) NOT NULL,
    "Kind" integer NOT NULL,
    "Form" integer NOT NULL,
    "Place" character varying(100),
    "StartsAt" timestamp with time zone NOT NULL,
    "SlotKey" character varying(16),
    "Status" integer NOT NULL,
    "AgendaPublishedAt" timestamp with time zone,
    "OpenedAt" timestamp with time zone,
    "AdjournedAt" timestamp with time zone,
    "CancelledAt" timestamp with time zone,
    "CancelReason" character varying(500),
    "CheckInToken" character varying(64) NOT NULL,
    "MinutesText" character varying(20000),
    "MinutesStatus" integer NOT NULL,
    "MinutesDraftedAt" timestamp with time zone,
    "MinutesApprovedAt" timestamp with time zone,
    "ReminderSentAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_meetings" PRIMARY KEY ("Id")
);


CREATE TABLE member_evaluations (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "Rating" integer NOT NULL,
    "Comment" character varying(500),
    "ByUserId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_member_evaluations" PRIMARY KEY ("Id")
);


CREATE TABLE minutes_approvals (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "CouncilMemberId" uuid NOT NULL,
    "ApprovedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_minutes_approvals" PRIMARY KEY ("Id")
);


CREATE TABLE notifications (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Text" character varying(300) NOT NULL,
    "Link" character varying(300),
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    CONSTRAINT "PK_notifications" PRIMARY KEY ("Id")
);


CREATE TABLE objections (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ResolutionId" uuid NOT NULL,
    "Text" character varying(1000) NOT NULL,
    "SubmittedByUserId" uuid,
    "ContactPhone" character varying(20),
    "CreatedAt" timestamp with time zone NOT NULL,
    "Answer" character varying(1000),
    "AnsweredAt" timestamp with time zone,
    "AnsweredByUserId" uuid,
    "Upheld" boolean,
    CONSTRAINT "PK_objections" PRIMARY KEY ("Id")
);


CREATE TABLE outbox_messages (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "Channel" character varying(16) NOT NULL,
    "Recipient" character varying(200) NOT NULL,
    "Subject" character varying(200) NOT NULL,
    "Body" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Status" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "SentAt" timestamp with time zone,
    "LastError" character varying(1000),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_outbox_messages" PRIMARY KEY ("Id")
);


CREATE TABLE phone_verifications (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "Phone" character varying(20) NOT NULL,
    "Purpose" character varying(16) NOT NULL,
    "CodeHash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "FailedAttempts" integer NOT NULL,
    "ClosedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_phone_verifications" PRIMARY KEY ("Id")
);


CREATE TABLE point_appeals (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "PointEntryId" uuid NOT NULL,
    "OpenEntryId" uuid,
    "HouseholdId" uuid NOT NULL,
    "EntryAwardedByUserId" uuid NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "RaisedByUserId" uuid NOT NULL,
    "RaisedAt" timestamp with time zone NOT NULL,
    "Status" integer NOT NULL,
    "DecidedByUserId" uuid,
    "DecidedAt" timestamp with time zone,
    "DecisionNote" character varying(1000),
    "ReversalEntryId" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_point_appeals" PRIMARY KEY ("Id")
);


CREATE TABLE point_entries (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "PointRuleId" uuid NOT NULL,
    "RuleVersionNumber" integer NOT NULL,
    "Points" integer NOT NULL,
    "Evidence" character varying(500) NOT NULL,
    "AwardedByUserId" uuid NOT NULL,
    "AwardedAt" timestamp with time zone NOT NULL,
    "OccurredOn" date NOT NULL,
    "ReversesEntryId" uuid,
    CONSTRAINT "PK_point_entries" PRIMARY KEY ("Id")
);


CREATE TABLE point_entry_photos (
    "Id" uuid NOT NULL,
    "PointEntryId" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "Bytes" bytea NOT NULL,
    "ByteLength" integer NOT NULL,
    "Width" integer NOT NULL,
    "Height" integer NOT NULL,
    "ThumbnailBytes" bytea NOT NULL,
    "UploadedBy" uuid,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_point_entry_photos" PRIMARY KEY ("Id")
);


CREATE TABLE point_list_versions (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "PointListId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Status" integer NOT NULL,
    "DraftedByUserId" uuid NOT NULL,
    "DraftedAt" timestamp with time zone NOT NULL,
    "ApprovedOn" date,
    "EffectiveFrom" date,
    "ApprovedByUserId" uuid,
    "ApprovedAt" timestamp with time zone,
    "ResolutionId" uuid,
    "BodyName" character varying(60),
    "MembersTotal" integer,
    "MembersPresent" integer,
    "VotesFor" integer,
    "VotesAgainst" integer,
    "VotesAbstain" integer,
    "SupersededAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_point_list_versions" PRIMARY KEY ("Id")
);


CREATE TABLE point_lists (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastNumber" integer NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_point_lists" PRIMARY KEY ("Id")
);


CREATE TABLE point_rules (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "PointListVersionId" uuid NOT NULL,
    "Code" character varying(20) NOT NULL,
    "Direction" integer NOT NULL,
    "Points" integer NOT NULL,
    "Description" character varying(200) NOT NULL,
    "EvidenceRequired" character varying(200),
    "Category" character varying(30),
    CONSTRAINT "PK_point_rules" PRIMARY KEY ("Id")
);


CREATE TABLE resident_link_requests (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "HouseNumber" character varying(60),
    "Status" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DecidedAt" timestamp with time zone,
    "DecidedBy" uuid,
    "ResidentId" uuid,
    "Reason" character varying(200),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_resident_link_requests" PRIMARY KEY ("Id")
);


CREATE TABLE resident_services (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Need" character varying(1000) NOT NULL,
    "RequestedByUserId" uuid,
    "RecordedByUserId" uuid,
    "Status" integer NOT NULL,
    "AssigneeMemberId" uuid,
    "AssigneeUserId" uuid,
    "AssignedAt" timestamp with time zone,
    "DoneAt" timestamp with time zone,
    "DoneNote" character varying(1000),
    "Satisfaction" integer,
    "RatingComment" character varying(1000),
    "RatedAt" timestamp with time zone,
    "CancelledAt" timestamp with time zone,
    "CancelReason" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_resident_services" PRIMARY KEY ("Id")
);


CREATE TABLE resolutions (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "CouncilId" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "Number" character varying(32) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "MembersTotal" integer NOT NULL,
    "Present" integer NOT NULL,
    "For" integer NOT NULL,
    "Against" integer NOT NULL,
    "Abstain" integer NOT NULL,
    "Passed" boolean NOT NULL,
    "DecidedAt" timestamp with time zone NOT NULL,
    "NoticeStartsAt" timestamp with time zone,
    "NoticeEndsAt" timestamp with time zone,
    "Status" integer NOT NULL,
    "EffectiveAt" timestamp with time zone,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawReason" character varying(1000),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_resolutions" PRIMARY KEY ("Id")
);


CREATE TABLE role_assignments (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Role" integer NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    "GrantedBy" uuid,
    "RevokedAt" timestamp with time zone,
    "RevokedBy" uuid,
    CONSTRAINT "PK_role_assignments" PRIMARY KEY ("Id")
);


CREATE TABLE roster_imports (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "CreatedBy" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Status" integer NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "RowCount" integer NOT NULL,
    "ErrorCount" integer NOT NULL,
    "RowsJson" text NOT NULL,
    "CommittedBy" uuid,
    "CommittedAt" timestamp with time zone,
    "HouseholdCount" integer NOT NULL,
    "ResidentCount" integer NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_roster_imports" PRIMARY KEY ("Id")
);


CREATE TABLE sequences (
    "DistrictId" uuid NOT NULL,
    "Name" character varying(64) NOT NULL,
    "Value" bigint NOT NULL,
    CONSTRAINT "PK_sequences" PRIMARY KEY ("DistrictId", "Name")
);


CREATE TABLE service_activities (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "Type" integer NOT NULL,
    "Title" character varying(100) NOT NULL,
    "HeldOn" date NOT NULL,
    "ParticipantCount" integer NOT NULL,
    "Minutes" integer NOT NULL,
    "Notes" character varying(2000),
    "DemandId" uuid,
    "DemandTrackingCode" character varying(32),
    "RecordedBy" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_service_activities" PRIMARY KEY ("Id")
);


CREATE TABLE service_area_groups (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    CONSTRAINT "PK_service_area_groups" PRIMARY KEY ("Id")
);


CREATE TABLE service_area_households (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    CONSTRAINT "PK_service_area_households" PRIMARY KEY ("Id")
);


CREATE TABLE service_area_posts (
    "Id" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "UserId" uuid,
    "ResidentId" uuid,
    "DisplayName" character varying(40) NOT NULL,
    "StartedOn" date NOT NULL,
    "EndedOn" date,
    "EndReason" character varying(200),
    CONSTRAINT "PK_service_area_posts" PRIMARY KEY ("Id")
);


CREATE TABLE service_areas (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Duties" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "RetiredAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_service_areas" PRIMARY KEY ("Id")
);


CREATE TABLE task_photos (
    "Id" uuid NOT NULL,
    "TaskUpdateId" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "Bytes" bytea NOT NULL,
    "ByteLength" integer NOT NULL,
    "Width" integer NOT NULL,
    "Height" integer NOT NULL,
    "ThumbnailBytes" bytea NOT NULL,
    "UploadedBy" uuid,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_task_photos" PRIMARY KEY ("Id")
);


CREATE TABLE task_updates (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "TaskId" uuid NOT NULL,
    "ProgressPercent" integer NOT NULL,
    "SpentFenDelta" bigint NOT NULL,
    "Note" character varying(1000),
    "ByUserId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_task_updates" PRIMARY KEY ("Id")
);


CREATE TABLE team_members (
    "Id" uuid NOT NULL,
    "TeamId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "UserId" uuid,
    "ResidentId" uuid,
    "DisplayName" character varying(40) NOT NULL,
    "StartedOn" date NOT NULL,
    "EndedOn" date,
    "EndReason" character varying(200),
    CONSTRAINT "PK_team_members" PRIMARY KEY ("Id")
);


CREATE TABLE topic_comments (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Stance" integer NOT NULL,
    "Text" character varying(1000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_topic_comments" PRIMARY KEY ("Id")
);


CREATE TABLE topic_demands (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "TrackingCode" character varying(32) NOT NULL,
    CONSTRAINT "PK_topic_demands" PRIMARY KEY ("Id")
);


CREATE TABLE topic_events (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "Action" character varying(40) NOT NULL,
    "From" integer NOT NULL,
    "To" integer NOT NULL,
    "Note" character varying(2000),
    "ByUserId" uuid,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_topic_events" PRIMARY KEY ("Id")
);


CREATE TABLE topics (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "CouncilId" uuid NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Description" character varying(4000) NOT NULL,
    "Reason" character varying(1000),
    "EstimatedCostFen" bigint,
    "Origin" integer NOT NULL,
    "ProposedByUserId" uuid,
    "VitalInterest" boolean NOT NULL,
    "Urgent" boolean NOT NULL,
    "ContentCategory" integer,
    "MustDeliberate" integer,
    "Stage" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "StageChangedAt" timestamp with time zone NOT NULL,
    "ReviewEndsAt" timestamp with time zone,
    "ResolutionId" uuid,
    "LastReason" character varying(1000),
    "ClosedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_topics" PRIMARY KEY ("Id")
);


CREATE TABLE triage_rules (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "Keyword" character varying(20) NOT NULL,
    "Ownership" integer,
    "ContentCategory" integer,
    "MustDeliberate" integer,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_triage_rules" PRIMARY KEY ("Id")
);


CREATE TABLE two_factor_requirements (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "Role" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    CONSTRAINT "PK_two_factor_requirements" PRIMARY KEY ("Id")
);


CREATE TABLE unit_members (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    CONSTRAINT "PK_unit_members" PRIMARY KEY ("Id")
);


CREATE TABLE users (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "DisplayName" character varying(40) NOT NULL,
    "Kind" integer NOT NULL,
    "ResidentId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DeactivatedAt" timestamp with time zone,
    "PreferredCulture" character varying(10),
    "UserName" character varying(64),
    "NormalizedUserName" character varying(64),
    "Email" character varying(256),
    "NormalizedEmail" character varying(256),
    "EmailConfirmed" boolean NOT NULL,
    "PasswordHash" character varying(4000),
    "SecurityStamp" character varying(4000),
    "ConcurrencyStamp" character varying(4000),
    "PhoneNumber" character varying(20),
    "PhoneNumberConfirmed" boolean NOT NULL,
    "TwoFactorEnabled" boolean NOT NULL,
    "LockoutEnd" timestamp with time zone,
    "LockoutEnabled" boolean NOT NULL,
    "AccessFailedCount" integer NOT NULL,
    CONSTRAINT "PK_users" PRIMARY KEY ("Id")
);


CREATE TABLE visit_suggestions (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "AreaId" uuid NOT NULL,
    "AreaPath" character varying(200) NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "VisitId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "Text" character varying(1000) NOT NULL,
    "Answer" character varying(1000),
    "AnsweredAt" timestamp with time zone,
    "AnsweredBy" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_visit_suggestions" PRIMARY KEY ("Id")
);


CREATE TABLE volunteer_teams (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "ServiceAreaId" uuid NOT NULL,
    "Name" character varying(80) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_volunteer_teams" PRIMARY KEY ("Id")
);


CREATE TABLE votes (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "TopicId" uuid NOT NULL,
    "CouncilMemberId" uuid NOT NULL,
    "Choice" integer NOT NULL,
    "CastAt" timestamp with time zone NOT NULL,
    "RecordedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_votes" PRIMARY KEY ("Id")
);


CREATE TABLE residents (
    "Id" uuid NOT NULL,
    "DistrictId" uuid NOT NULL,
    "HouseholdId" uuid NOT NULL,
    "Name" character varying(40) NOT NULL,
    "IsHead" boolean NOT NULL,
    "Phone" character varying(20),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_residents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_residents_households_HouseholdId" FOREIGN KEY ("HouseholdId") REFERENCES households ("Id") ON DELETE CASCADE
);


CREATE TABLE user_claims (
    "Id" integer GENERATED BY DEFAULT AS IDENTITY,
    "UserId" uuid NOT NULL,
    "ClaimType" character varying(4000),
    "ClaimValue" character varying(4000),
    CONSTRAINT "PK_user_claims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_user_claims_users_UserId" FOREIGN KEY ("UserId") REFERENCES users ("Id") ON DELETE CASCADE
);


CREATE TABLE user_logins (
    "LoginProvider" character varying(4000) NOT NULL,
    "ProviderKey" character varying(4000) NOT NULL,
    "ProviderDisplayName" character varying(4000),
    "UserId" uuid NOT NULL,
    CONSTRAINT "PK_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_user_logins_users_UserId" FOREIGN KEY ("UserId") REFERENCES users ("Id") ON DELETE CASCADE
);


CREATE TABLE user_tokens (
    "UserId" uuid NOT NULL,
    "LoginProvider" character varying(4000) NOT NULL,
    "Name" character varying(4000) NOT NULL,
    "Value" character varying(4000),
    CONSTRAINT "PK_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_user_tokens_users_UserId" FOREIGN KEY ("UserId") REFERENCES users ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_activity_participants_DistrictId_ActivityId_TeamMemberId" ON activity_participants ("DistrictId", "ActivityId", "TeamMemberId");


CREATE INDEX "IX_activity_participants_DistrictId_TeamMemberId" ON activity_participants ("DistrictId", "TeamMemberId");


CREATE INDEX "IX_activity_photos_DistrictId_ActivityId" ON activity_photos ("DistrictId", "ActivityId");


CREATE UNIQUE INDEX "IX_agenda_items_DistrictId_MeetingId_TopicId" ON agenda_items ("DistrictId", "MeetingId", "TopicId");


CREATE INDEX "IX_agenda_items_DistrictId_TopicId" ON agenda_items ("DistrictId", "TopicId");


CREATE INDEX "IX_areas_DistrictId_ParentId" ON areas ("DistrictId", "ParentId");


CREATE UNIQUE INDEX "IX_areas_DistrictId_Path" ON areas ("DistrictId", "Path");


CREATE INDEX "IX_audit_entries_DistrictId_At" ON audit_entries ("DistrictId", "At");


CREATE INDEX "IX_audit_entries_DistrictId_EntityType_EntityId_At" ON audit_entries ("DistrictId", "EntityType", "EntityId", "At");


CREATE UNIQUE INDEX "IX_audit_entries_DistrictId_Sequence" ON audit_entries ("DistrictId", "Sequence");


CREATE INDEX "IX_block_chiefs_DistrictId_ResidentId" ON block_chiefs ("DistrictId", "ResidentId");


CREATE INDEX "IX_block_chiefs_DistrictId_ServiceAreaId_EndedOn" ON block_chiefs ("DistrictId", "ServiceAreaId", "EndedOn");


CREATE INDEX "IX_block_chiefs_DistrictId_UserId" ON block_chiefs ("DistrictId", "UserId");


CREATE INDEX "IX_common_issues_DistrictId_AreaPath" ON common_issues ("DistrictId", "AreaPath");


CREATE INDEX "IX_council_members_DistrictId_CouncilId_EndedOn" ON council_members ("DistrictId", "CouncilId", "EndedOn");


CREATE UNIQUE INDEX "IX_council_members_DistrictId_CouncilId_UserId" ON council_members ("DistrictId", "CouncilId", "UserId") WHERE "EndedOn" IS NULL AND "UserId" IS NOT NULL;


CREATE INDEX "IX_council_members_DistrictId_UserId" ON council_members ("DistrictId", "UserId");


CREATE UNIQUE INDEX "IX_councils_DistrictId_AreaId_Name" ON councils ("DistrictId", "AreaId", "Name");


CREATE INDEX "IX_councils_DistrictId_AreaPath" ON councils ("DistrictId", "AreaPath");


CREATE UNIQUE INDEX "IX_deadline_rules_DistrictId_Ownership_Urgent" ON deadline_rules ("DistrictId", "Ownership", "Urgent");


CREATE INDEX "IX_demand_photos_DistrictId_DemandId" ON demand_photos ("DistrictId", "DemandId");


CREATE UNIQUE INDEX "IX_demand_settings_DistrictId" ON demand_settings ("DistrictId");


CREATE INDEX "IX_demand_timers_DistrictId_DemandId" ON demand_timers ("DistrictId", "DemandId");


CREATE INDEX "IX_demand_timers_FiredAt_DueAt" ON demand_timers ("FiredAt", "DueAt");


CREATE INDEX "IX_demands_DistrictId_AreaPath_Status_CreatedAt" ON demands ("DistrictId", "AreaPath", "Status", "CreatedAt");


CREATE INDEX "IX_demands_DistrictId_CommonIssueId" ON demands ("DistrictId", "CommonIssueId");


CREATE INDEX "IX_demands_DistrictId_CreatedAt_TrackingCode" ON demands ("DistrictId", "CreatedAt", "TrackingCode");


CREATE INDEX "IX_demands_DistrictId_DueAt_TrackingCode" ON demands ("DistrictId", "DueAt", "TrackingCode");


CREATE INDEX "IX_demands_DistrictId_Level_Status_AreaPath" ON demands ("DistrictId", "Level", "Status", "AreaPath");


CREATE INDEX "IX_demands_DistrictId_ReporterUserId" ON demands ("DistrictId", "ReporterUserId");


CREATE UNIQUE INDEX "IX_demands_DistrictId_TrackingCode" ON demands ("DistrictId", "TrackingCode");


CREATE INDEX "IX_demands_DistrictId_UnitId_Status" ON demands ("DistrictId", "UnitId", "Status");


CREATE INDEX "IX_evaluation_criteria_DistrictId_RoundId_Order" ON evaluation_criteria ("DistrictId", "RoundId", "Order");


CREATE UNIQUE INDEX "IX_evaluation_evaluators_DistrictId_RoundId_UserId" ON evaluation_evaluators ("DistrictId", "RoundId", "UserId");


CREATE UNIQUE INDEX "IX_evaluation_rounds_DistrictId_AreaId_Kind_Period" ON evaluation_rounds ("DistrictId", "AreaId", "Kind", "Period");


CREATE INDEX "IX_evaluation_rounds_DistrictId_AreaPath_Status" ON evaluation_rounds ("DistrictId", "AreaPath", "Status");


CREATE UNIQUE INDEX "IX_evaluation_score_items_DistrictId_ScoreId_CriterionId" ON evaluation_score_items ("DistrictId", "ScoreId", "CriterionId");


CREATE UNIQUE INDEX "IX_evaluation_scores_DistrictId_RoundId_EvaluatorUserId_Servic~" ON evaluation_scores ("DistrictId", "RoundId", "EvaluatorUserId", "ServiceAreaId");


CREATE INDEX "IX_evaluation_scores_DistrictId_RoundId_ServiceAreaId" ON evaluation_scores ("DistrictId", "RoundId", "ServiceAreaId");


CREATE INDEX "IX_follow_up_reviews_DistrictId_TopicId" ON follow_up_reviews ("DistrictId", "TopicId");


CREATE UNIQUE INDEX "IX_handling_units_DistrictId_Name" ON handling_units ("DistrictId", "Name");


CREATE INDEX "IX_household_visits_DistrictId_AreaPath_VisitedOn" ON household_visits ("DistrictId", "AreaPath", "VisitedOn");


CREATE INDEX "IX_household_visits_DistrictId_HouseholdId" ON household_visits ("DistrictId", "HouseholdId");


CREATE INDEX "IX_household_visits_DistrictId_ServiceAreaId_VisitedOn" ON household_visits ("DistrictId", "ServiceAreaId", "VisitedOn");


CREATE UNIQUE INDEX "IX_households_DistrictId_AreaId_HouseNumber" ON households ("DistrictId", "AreaId", "HouseNumber");


CREATE INDEX "IX_households_DistrictId_AreaPath_HouseNumber" ON households ("DistrictId", "AreaPath", "HouseNumber");


CREATE UNIQUE INDEX "IX_idempotent_submissions_Scope_Key" ON idempotent_submissions ("Scope", "Key");


CREATE INDEX "IX_implementation_tasks_DistrictId_AreaPath_Status_DueOn" ON implementation_tasks ("DistrictId", "AreaPath", "Status", "DueOn");


CREATE INDEX "IX_implementation_tasks_DistrictId_OwnerUserId_Status" ON implementation_tasks ("DistrictId", "OwnerUserId", "Status");


CREATE INDEX "IX_implementation_tasks_DistrictId_TopicId" ON implementation_tasks ("DistrictId", "TopicId");


CREATE UNIQUE INDEX "IX_meeting_attendances_DistrictId_MeetingId_CouncilMemberId" ON meeting_attendances ("DistrictId", "MeetingId", "CouncilMemberId");


CREATE INDEX "IX_meeting_documents_DistrictId_MeetingId" ON meeting_documents ("DistrictId", "MeetingId");


CREATE INDEX "IX_meetings_DistrictId_AreaPath_StartsAt" ON meetings ("DistrictId", "AreaPath", "StartsAt");


CREATE UNIQUE INDEX "IX_meetings_DistrictId_CheckInToken" ON meetings ("DistrictId", "CheckInToken");


CREATE UNIQUE INDEX "IX_meetings_DistrictId_CouncilId_SlotKey" ON meetings ("DistrictId", "CouncilId", "SlotKey");


CREATE INDEX "IX_meetings_DistrictId_CouncilId_StartsAt" ON meetings ("DistrictId", "CouncilId", "StartsAt");


CREATE UNIQUE INDEX "IX_meetings_DistrictId_Number" ON meetings ("DistrictId", "Number");


CREATE INDEX "IX_meetings_ReminderSentAt_StartsAt" ON meetings ("ReminderSentAt", "StartsAt");


CREATE UNIQUE INDEX "IX_member_evaluations_DistrictId_RoundId_HouseholdId" ON member_evaluations ("DistrictId", "RoundId", "HouseholdId");


CREATE INDEX "IX_member_evaluations_DistrictId_RoundId_ServiceAreaId" ON member_evaluations ("DistrictId", "RoundId", "ServiceAreaId");


CREATE UNIQUE INDEX "IX_minutes_approvals_DistrictId_MeetingId_CouncilMemberId" ON minutes_approvals ("DistrictId", "MeetingId", "CouncilMemberId");


CREATE INDEX "IX_notifications_DistrictId_UserId_CreatedAt_Id" ON notifications ("DistrictId", "UserId", "CreatedAt", "Id");


CREATE INDEX "IX_notifications_DistrictId_UserId_ReadAt" ON notifications ("DistrictId", "UserId", "ReadAt");


CREATE INDEX "IX_objections_DistrictId_ResolutionId" ON objections ("DistrictId", "ResolutionId");


CREATE INDEX "IX_outbox_messages_DistrictId_CreatedAt_Id" ON outbox_messages ("DistrictId", "CreatedAt", "Id");


CREATE INDEX "IX_outbox_messages_DistrictId_Status_CreatedAt" ON outbox_messages ("DistrictId", "Status", "CreatedAt");


CREATE INDEX "IX_outbox_messages_Status_NextAttemptAt" ON outbox_messages ("Status", "NextAttemptAt");


CREATE INDEX "IX_phone_verifications_DistrictId_CreatedAt" ON phone_verifications ("DistrictId", "CreatedAt");


CREATE INDEX "IX_phone_verifications_Phone_Purpose_CreatedAt" ON phone_verifications ("Phone", "Purpose", "CreatedAt");


CREATE INDEX "IX_point_appeals_DistrictId_AreaPath_Status" ON point_appeals ("DistrictId", "AreaPath", "Status");


CREATE INDEX "IX_point_appeals_DistrictId_HouseholdId" ON point_appeals ("DistrictId", "HouseholdId");


CREATE UNIQUE INDEX "IX_point_appeals_DistrictId_OpenEntryId" ON point_appeals ("DistrictId", "OpenEntryId");


CREATE INDEX "IX_point_appeals_DistrictId_PointEntryId" ON point_appeals ("DistrictId", "PointEntryId");


CREATE INDEX "IX_point_entries_DistrictId_AreaPath_OccurredOn" ON point_entries ("DistrictId", "AreaPath", "OccurredOn");


CREATE INDEX "IX_point_entries_DistrictId_HouseholdId_OccurredOn_Id" ON point_entries ("DistrictId", "HouseholdId", "OccurredOn", "Id");


CREATE INDEX "IX_point_entries_DistrictId_PointRuleId" ON point_entries ("DistrictId", "PointRuleId");


CREATE UNIQUE INDEX "IX_point_entries_DistrictId_ReversesEntryId" ON point_entries ("DistrictId", "ReversesEntryId");


CREATE UNIQUE INDEX "IX_point_entry_photos_DistrictId_PointEntryId" ON point_entry_photos ("DistrictId", "PointEntryId");


CREATE UNIQUE INDEX "IX_point_list_versions_DistrictId_PointListId_Number" ON point_list_versions ("DistrictId", "PointListId", "Number");


CREATE INDEX "IX_point_list_versions_DistrictId_PointListId_Status_Effective~" ON point_list_versions ("DistrictId", "PointListId", "Status", "EffectiveFrom");


CREATE UNIQUE INDEX "IX_point_lists_DistrictId_AreaId" ON point_lists ("DistrictId", "AreaId");


CREATE INDEX "IX_point_lists_DistrictId_AreaPath" ON point_lists ("DistrictId", "AreaPath");


CREATE UNIQUE INDEX "IX_point_rules_DistrictId_PointListVersionId_Code" ON point_rules ("DistrictId", "PointListVersionId", "Code");


CREATE INDEX "IX_resident_link_requests_DistrictId_Status_AreaPath" ON resident_link_requests ("DistrictId", "Status", "AreaPath");


CREATE INDEX "IX_resident_link_requests_DistrictId_UserId" ON resident_link_requests ("DistrictId", "UserId");


CREATE INDEX "IX_resident_services_DistrictId_AreaPath_CreatedAt" ON resident_services ("DistrictId", "AreaPath", "CreatedAt");


CREATE INDEX "IX_resident_services_DistrictId_AssigneeUserId_Status" ON resident_services ("DistrictId", "AssigneeUserId", "Status");


CREATE INDEX "IX_resident_services_DistrictId_RequestedByUserId" ON resident_services ("DistrictId", "RequestedByUserId");


CREATE INDEX "IX_resident_services_DistrictId_ServiceAreaId_Status_CreatedAt" ON resident_services ("DistrictId", "ServiceAreaId", "Status", "CreatedAt");


CREATE INDEX "IX_residents_DistrictId_Name" ON residents ("DistrictId", "Name");


CREATE INDEX "IX_residents_DistrictId_Phone" ON residents ("DistrictId", "Phone");


CREATE INDEX "IX_residents_HouseholdId" ON residents ("HouseholdId");


CREATE INDEX "IX_resolutions_DistrictId_AreaPath_DecidedAt" ON resolutions ("DistrictId", "AreaPath", "DecidedAt");


CREATE UNIQUE INDEX "IX_resolutions_DistrictId_Number" ON resolutions ("DistrictId", "Number");


CREATE INDEX "IX_resolutions_DistrictId_TopicId" ON resolutions ("DistrictId", "TopicId");


CREATE INDEX "IX_resolutions_Status_NoticeEndsAt" ON resolutions ("Status", "NoticeEndsAt");


CREATE INDEX "IX_role_assignments_DistrictId_AreaPath_Role" ON role_assignments ("DistrictId", "AreaPath", "Role");


CREATE INDEX "IX_role_assignments_DistrictId_UserId" ON role_assignments ("DistrictId", "UserId");


CREATE INDEX "IX_roster_imports_DistrictId_AreaPath_CreatedAt" ON roster_imports ("DistrictId", "AreaPath", "CreatedAt");


CREATE INDEX "IX_service_activities_DistrictId_AreaPath_HeldOn" ON service_activities ("DistrictId", "AreaPath", "HeldOn");


CREATE INDEX "IX_service_activities_DistrictId_ServiceAreaId_HeldOn" ON service_activities ("DistrictId", "ServiceAreaId", "HeldOn");


CREATE INDEX "IX_service_area_groups_DistrictId_AreaId" ON service_area_groups ("DistrictId", "AreaId");


CREATE UNIQUE INDEX "IX_service_area_groups_DistrictId_ServiceAreaId_AreaId" ON service_area_groups ("DistrictId", "ServiceAreaId", "AreaId");


CREATE UNIQUE INDEX "IX_service_area_households_DistrictId_HouseholdId" ON service_area_households ("DistrictId", "HouseholdId");


CREATE INDEX "IX_service_area_households_DistrictId_ServiceAreaId" ON service_area_households ("DistrictId", "ServiceAreaId");


CREATE INDEX "IX_service_area_posts_DistrictId_ResidentId" ON service_area_posts ("DistrictId", "ResidentId");


CREATE INDEX "IX_service_area_posts_DistrictId_ServiceAreaId_EndedOn" ON service_area_posts ("DistrictId", "ServiceAreaId", "EndedOn");


CREATE INDEX "IX_service_area_posts_DistrictId_UserId" ON service_area_posts ("DistrictId", "UserId");


CREATE UNIQUE INDEX "IX_service_areas_DistrictId_AreaId_Name" ON service_areas ("DistrictId", "AreaId", "Name");


CREATE INDEX "IX_service_areas_DistrictId_AreaPath" ON service_areas ("DistrictId", "AreaPath");


CREATE INDEX "IX_task_photos_DistrictId_TaskUpdateId" ON task_photos ("DistrictId", "TaskUpdateId");


CREATE INDEX "IX_task_updates_DistrictId_TaskId_At" ON task_updates ("DistrictId", "TaskId", "At");


CREATE INDEX "IX_team_members_DistrictId_ResidentId" ON team_members ("DistrictId", "ResidentId");


CREATE INDEX "IX_team_members_DistrictId_ServiceAreaId_EndedOn" ON team_members ("DistrictId", "ServiceAreaId", "EndedOn");


CREATE INDEX "IX_team_members_DistrictId_UserId" ON team_members ("DistrictId", "UserId");


CREATE INDEX "IX_topic_comments_DistrictId_TopicId_CreatedAt" ON topic_comments ("DistrictId", "TopicId", "CreatedAt");


CREATE INDEX "IX_topic_demands_DistrictId_DemandId" ON topic_demands ("DistrictId", "DemandId");


CREATE UNIQUE INDEX "IX_topic_demands_DistrictId_TopicId_DemandId" ON topic_demands ("DistrictId", "TopicId", "DemandId");


CREATE INDEX "IX_topic_events_DistrictId_TopicId_At" ON topic_events ("DistrictId", "TopicId", "At");


CREATE INDEX "IX_topics_DistrictId_AreaPath_Stage" ON topics ("DistrictId", "AreaPath", "Stage");


CREATE INDEX "IX_topics_DistrictId_CouncilId_Stage" ON topics ("DistrictId", "CouncilId", "Stage");


CREATE UNIQUE INDEX "IX_triage_rules_DistrictId_Keyword" ON triage_rules ("DistrictId", "Keyword");


CREATE UNIQUE INDEX "IX_two_factor_requirements_DistrictId_Role" ON two_factor_requirements ("DistrictId", "Role");


CREATE UNIQUE INDEX "IX_unit_members_DistrictId_UnitId_UserId" ON unit_members ("DistrictId", "UnitId", "UserId");


CREATE INDEX "IX_unit_members_DistrictId_UserId" ON unit_members ("DistrictId", "UserId");


CREATE INDEX "IX_user_claims_UserId" ON user_claims ("UserId");


CREATE INDEX "IX_user_logins_UserId" ON user_logins ("UserId");


CREATE INDEX "EmailIndex" ON users ("NormalizedEmail");


CREATE INDEX "IX_users_DistrictId_Kind" ON users ("DistrictId", "Kind");


CREATE INDEX "IX_users_DistrictId_PhoneNumber" ON users ("DistrictId", "PhoneNumber");


CREATE UNIQUE INDEX "UserNameIndex" ON users ("NormalizedUserName");


CREATE INDEX "IX_visit_suggestions_DistrictId_AreaPath_CreatedAt" ON visit_suggestions ("DistrictId", "AreaPath", "CreatedAt");


CREATE INDEX "IX_visit_suggestions_DistrictId_ServiceAreaId_AnsweredAt" ON visit_suggestions ("DistrictId", "ServiceAreaId", "AnsweredAt");


CREATE INDEX "IX_visit_suggestions_DistrictId_VisitId" ON visit_suggestions ("DistrictId", "VisitId");


CREATE UNIQUE INDEX "IX_volunteer_teams_DistrictId_ServiceAreaId" ON volunteer_teams ("DistrictId", "ServiceAreaId");


CREATE UNIQUE INDEX "IX_votes_DistrictId_MeetingId_TopicId_CouncilMemberId" ON votes ("DistrictId", "MeetingId", "TopicId", "CouncilMemberId");


