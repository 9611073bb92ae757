CREATE TABLE "activity_participants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_activity_participants" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "TeamMemberId" TEXT NOT NULL
);


CREATE TABLE "activity_photos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_activity_photos" PRIMARY KEY,
    "ActivityId" TEXT NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Bytes" BLOB NOT NULL,
    "ByteLength" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "ThumbnailBytes" BLOB NOT NULL,
    "UploadedBy" TEXT NULL,
    "UploadedAt" TEXT NOT NULL
);


CREATE TABLE "agenda_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_agenda_items" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "DiscussionNotes" TEXT NULL,
    "ResolutionId" TEXT NULL
);


CREATE TABLE "areas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_areas" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "Level" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Path" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RetiredAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "audit_chain_heads" (
    "DistrictId" TEXT NOT NULL CONSTRAINT "PK_audit_chain_heads" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "audit_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NULL,
    "Note" TEXT NULL,
    "Sequence" INTEGER NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "block_chiefs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_block_chiefs" PRIMARY KEY,
    "Kind" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "ResidentId" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "EndReason" TEXT NULL
);


CREATE TABLE "common_issues" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_common_issues" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "LeadDemandId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "council_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_council_members" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "CouncilId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "ResidentId" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "TermStart" TEXT NULL,
    "TermEnd" TEXT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "EndReason" TEXT NULL
);


CREATE TABLE "councils" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_councils" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "QuorumNumerator" INTEGER NOT NULL,
    "QuorumDenominator" INTEGER NOT NULL,
    "QuorumInclusive" INTEGER NOT NULL,
    "MajorityNumerator" INTEGER NOT NULL,
    "MajorityDenominator" INTEGER NOT NULL,
    "MajorityInclusive" INTEGER NOT NULL,
    "AgendaLeadDays" INTEGER NOT NULL,
    "MaxTopicsPerMeeting" INTEGER NULL,
    "DecidesVitalInterests" INTEGER NOT NULL,
    "NoticeDays" INTEGER NOT NULL,
    "Archived" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Recurrence_Days" TEXT NOT NULL,
    "Recurrence_Form" INTEGER NOT NULL,
    "Recurrence_Kind" INTEGER NOT NULL,
    "Recurrence_MonthOffset" INTEGER NOT NULL,
    "Recurrence_Place" TEXT NULL,
    "Recurrence_TimeOfDayMinutes" INTEGER NOT NULL,
    "Recurrence_Weekday" INTEGER NOT NULL
);


CREATE TABLE "deadline_rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_deadline_rules" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "Ownership" INTEGER NULL,
    "Urgent" INTEGER NOT NULL,
    "AcknowledgeMinutes" INTEGER NOT NULL,
    "ResolveMinutes" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "demand_photos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_demand_photos" PRIMARY KEY,
    "DemandId" TEXT NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Bytes" BLOB NOT NULL,
    "ByteLength" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "ThumbnailBytes" BLOB NOT NULL,
    "UploadedBy" TEXT NULL,
    "UploadedAt" TEXT NOT NULL
);


CREATE TABLE "demand_settings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_demand_settings" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "RatingWindowDays" INTEGER NOT NULL,
    "ReviewAfterDays" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "demand_timers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_demand_timers" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "DemandId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "DueAt" TEXT NOT NULL,
    "FiredAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "demands" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_demands" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "TrackingCode" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Location" TEXT NULL,
    "Channel" INTEGER NOT NULL,
    "Urgent" INTEGER NOT NULL,
    "ContactPhone" TEXT NULL,
    "ReporterUserId" TEXT NULL,
    "RecordedByUserId" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "LevelSince" TEXT NOT NULL,
    "EscalationCount" INTEGER NOT NULL,
    "Ownership" INTEGER NULL,
    "ContentCategory" INTEGER NULL,
    "MustDeliberate" INTEGER NULL,
    "UnitId" TEXT NULL,
    "AssigneeUserId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "AcknowledgedAt" TEXT NULL,
    "FirstRespondedAt" TEXT NULL,
    "AcknowledgeDueAt" TEXT NULL,
    "ResolveDueAt" TEXT NULL,
    "DueAt" TEXT NULL,
    "HandledAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Reply" TEXT NULL,
    "HandledOnSpot" INTEGER NOT NULL,
    "Satisfaction" INTEGER NULL,
    "RatingComment" TEXT NULL,
    "RatedAt" TEXT NULL,
    "ReopenCount" INTEGER NOT NULL,
    "ReviewMetExpectations" INTEGER NULL,
    "CloseReason" TEXT NULL,
    "CommonIssueId" TEXT NULL,
    "DeliberatedAt" TEXT NULL,
    "DeliberationExemption" TEXT NULL,
    "DeliberationExemptedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "evaluation_criteria" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evaluation_criteria" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "RoundId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "MaxScore" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL
);


CREATE TABLE "evaluation_evaluators" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evaluation_evaluators" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "RoundId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "OwnServiceAreaId" TEXT NOT NULL
);


CREATE TABLE "evaluation_rounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evaluation_rounds" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Period" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "evaluation_score_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evaluation_score_items" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "ScoreId" TEXT NOT NULL,
    "CriterionId" TEXT NOT NULL,
    "Score" INTEGER NOT NULL
);


CREATE TABLE "evaluation_scores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_evaluation_scores" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "RoundId" TEXT NOT NULL,
    "EvaluatorUserId" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "ScoredAt" TEXT NOT NULL
);


CREATE TABLE "follow_up_reviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_follow_up_reviews" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "MeetingId" TEXT NULL,
    "MetExpectations" INTEGER NOT NULL,
    "ResidentsSatisfied" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "ByUserId" TEXT NOT NULL,
    "ReviewedAt" TEXT NOT NULL
);


CREATE TABLE "handling_units" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_handling_units" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Duties" TEXT NULL,
    "Active" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "household_visits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_household_visits" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL,
    "VisitorMemberId" TEXT NULL,
    "VisitorUserId" TEXT NULL,
    "VisitorName" TEXT NOT NULL,
    "VisitedOn" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "households" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_households" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "HouseNumber" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "idempotent_submissions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_idempotent_submissions" PRIMARY KEY,
    "Scope" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "DemandId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "implementation_tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_implementation_tasks" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "ResolutionId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OwnerUserId" TEXT NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "ProgressPercent" INTEGER NOT NULL,
    "BudgetFen" INTEGER NOT NULL,
    "SpentFen" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "meeting_attendances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_meeting_attendances" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "CouncilMemberId" TEXT NOT NULL,
    "CheckedInAt" TEXT NOT NULL,
    "Method" INTEGER NOT NULL,
    "RecordedByUserId" TEXT NOT NULL
);


CREATE TABLE "meeting_documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_meeting_documents" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Bytes" BLOB NOT NULL,
    "IsPhoto" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_meetings" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "CouncilId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Form" INTEGER NOT NULL,
    "Place" TEXT NULL,
    "StartsAt" TEXT NOT NULL,
    "SlotKey" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "AgendaPublishedAt" TEXT NULL,
    "OpenedAt" TEXT NULL,
    "AdjournedAt" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "CancelReason" TEXT NULL,
    "CheckInToken" TEXT NOT NULL,
    "MinutesText" TEXT NULL,
    "MinutesStatus" INTEGER NOT NULL,
    "MinutesDraftedAt" TEXT NULL,
    "MinutesApprovedAt" TEXT NULL,
    "ReminderSentAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "member_evaluations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_member_evaluations" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "RoundId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "Rating" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "ByUserId" TEXT NOT NULL,
    "At" TEXT NOT NULL
);


CREATE TABLE "minutes_approvals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_minutes_approvals" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "CouncilMemberId" TEXT NOT NULL,
    "ApprovedAt" TEXT NOT NULL
);


CREATE TABLE "notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Link" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL
);


CREATE TABLE "objections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_objections" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "ResolutionId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "SubmittedByUserId" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredByUserId" TEXT NULL,
    "Upheld" INTEGER NULL
);


CREATE TABLE "outbox_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_outbox_messages" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "phone_verifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_phone_verifications" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "point_appeals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_point_appeals" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "PointEntryId" TEXT NOT NULL,
    "OpenEntryId" TEXT NULL,
    "HouseholdId" TEXT NOT NULL,
    "EntryAwardedByUserId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RaisedByUserId" TEXT NOT NULL,
    "RaisedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "DecidedByUserId" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "ReversalEntryId" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "point_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_point_entries" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "PointRuleId" TEXT NOT NULL,
    "RuleVersionNumber" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    "Evidence" TEXT NOT NULL,
    "AwardedByUserId" TEXT NOT NULL,
    "AwardedAt" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "ReversesEntryId" TEXT NULL
);


CREATE TABLE "point_entry_photos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_point_entry_photos" PRIMARY KEY,
    "PointEntryId" TEXT NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Bytes" BLOB NOT NULL,
    "ByteLength" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "ThumbnailBytes" BLOB NOT NULL,
    "UploadedBy" TEXT NULL,
    "UploadedAt" TEXT NOT NULL
);


CREATE TABLE "point_list_versions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_point_list_versions" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "PointListId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "DraftedByUserId" TEXT NOT NULL,
    "DraftedAt" TEXT NOT NULL,
    "ApprovedOn" TEXT NULL,
    "EffectiveFrom" TEXT NULL,
    "ApprovedByUserId" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "ResolutionId" TEXT NULL,
    "BodyName" TEXT NULL,
    "MembersTotal" INTEGER NULL,
    "MembersPresent" INTEGER NULL,
    "VotesFor" INTEGER NULL,
    "VotesAgainst" INTEGER NULL,
    "VotesAbstain" INTEGER NULL,
    "SupersededAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "point_lists" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_point_lists" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastNumber" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "point_rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_point_rules" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "PointListVersionId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Direction" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "EvidenceRequired" TEXT NULL,
    "Category" TEXT NULL
);


CREATE TABLE "resident_link_requests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_resident_link_requests" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "HouseNumber" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "ResidentId" TEXT NULL,
    "Reason" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "resident_services" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_resident_services" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Need" TEXT NOT NULL,
    "RequestedByUserId" TEXT NULL,
    "RecordedByUserId" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "AssigneeMemberId" TEXT NULL,
    "AssigneeUserId" TEXT NULL,
    "AssignedAt" TEXT NULL,
    "DoneAt" TEXT NULL,
    "DoneNote" TEXT NULL,
    "Satisfaction" INTEGER NULL,
    "RatingComment" TEXT NULL,
    "RatedAt" TEXT NULL,
    "CancelledAt" TEXT NULL,
    "CancelReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "resolutions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_resolutions" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "CouncilId" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "MembersTotal" INTEGER NOT NULL,
    "Present" INTEGER NOT NULL,
    "For" INTEGER NOT NULL,
    "Against" INTEGER NOT NULL,
    "Abstain" INTEGER NOT NULL,
    "Passed" INTEGER NOT NULL,
    "DecidedAt" TEXT NOT NULL,
    "NoticeStartsAt" TEXT NULL,
    "NoticeEndsAt" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "EffectiveAt" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawReason" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "role_assignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_role_assignments" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    "GrantedBy" TEXT NULL,
    "RevokedAt" TEXT NULL,
    "RevokedBy" TEXT NULL
);


CREATE TABLE "roster_imports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_roster_imports" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "RowCount" INTEGER NOT NULL,
    "ErrorCount" INTEGER NOT NULL,
    "RowsJson" text NOT NULL,
    "CommittedBy" TEXT NULL,
    "CommittedAt" TEXT NULL,
    "HouseholdCount" INTEGER NOT NULL,
    "ResidentCount" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "sequences" (
    "DistrictId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" INTEGER NOT NULL,
    CONSTRAINT "PK_sequences" PRIMARY KEY ("DistrictId", "Name")
);


CREATE TABLE "service_activities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_service_activities" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "Type" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "ParticipantCount" INTEGER NOT NULL,
    "Minutes" INTEGER NOT NULL,
    "Notes" TEXT NULL,
    "DemandId" TEXT NULL,
    "DemandTrackingCode" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "service_area_groups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_service_area_groups" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL
);


CREATE TABLE "service_area_households" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_service_area_households" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL
);


CREATE TABLE "service_area_posts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_service_area_posts" PRIMARY KEY,
    "Kind" INTEGER NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "ResidentId" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "EndReason" TEXT NULL
);


CREATE TABLE "service_areas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_service_areas" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Duties" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RetiredAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "task_photos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_task_photos" PRIMARY KEY,
    "TaskUpdateId" TEXT NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Bytes" BLOB NOT NULL,
    "ByteLength" INTEGER NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "ThumbnailBytes" BLOB NOT NULL,
    "UploadedBy" TEXT NULL,
    "UploadedAt" TEXT NOT NULL
);


CREATE TABLE "task_updates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_task_updates" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "ProgressPercent" INTEGER NOT NULL,
    "SpentFenDelta" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "ByUserId" TEXT NOT NULL,
    "At" TEXT NOT NULL
);


CREATE TABLE "team_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_team_members" PRIMARY KEY,
    "TeamId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "DistrictId" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "ResidentId" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "EndReason" TEXT NULL
);


CREATE TABLE "topic_comments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_topic_comments" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Stance" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "topic_demands" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_topic_demands" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "DemandId" TEXT NOT NULL,
    "TrackingCode" TEXT NOT NULL
);


CREATE TABLE "topic_events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_topic_events" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "From" INTEGER NOT NULL,
    "To" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "ByUserId" TEXT NULL,
    "At" TEXT NOT NULL
);


CREATE TABLE "topics" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_topics" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "CouncilId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "EstimatedCostFen" INTEGER NULL,
    "Origin" INTEGER NOT NULL,
    "ProposedByUserId" TEXT NULL,
    "VitalInterest" INTEGER NOT NULL,
    "Urgent" INTEGER NOT NULL,
    "ContentCategory" INTEGER NULL,
    "MustDeliberate" INTEGER NULL,
    "Stage" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StageChangedAt" TEXT NOT NULL,
    "ReviewEndsAt" TEXT NULL,
    "ResolutionId" TEXT NULL,
    "LastReason" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "triage_rules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_triage_rules" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "Keyword" TEXT NOT NULL,
    "Ownership" INTEGER NULL,
    "ContentCategory" INTEGER NULL,
    "MustDeliberate" INTEGER NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "two_factor_requirements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_two_factor_requirements" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL
);


CREATE TABLE "unit_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_unit_members" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL
);


CREATE TABLE "users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ResidentId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeactivatedAt" TEXT NULL,
    "PreferredCulture" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "visit_suggestions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_visit_suggestions" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "AreaId" TEXT NOT NULL,
    "AreaPath" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "VisitId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "volunteer_teams" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_volunteer_teams" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "ServiceAreaId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "votes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_votes" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "TopicId" TEXT NOT NULL,
    "CouncilMemberId" TEXT NOT NULL,
    "Choice" INTEGER NOT NULL,
    "CastAt" TEXT NOT NULL,
    "RecordedByUserId" TEXT NOT NULL
);


CREATE TABLE "residents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_residents" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "HouseholdId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IsHead" INTEGER NOT NULL,
    "Phone" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_residents_households_HouseholdId" FOREIGN KEY ("HouseholdId") REFERENCES "households" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_user_claims_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_user_logins_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_user_tokens_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_activity_participants_DistrictId_ActivityId_TeamMemberId" ON "activity_participants" ("DistrictId", "ActivityId", "TeamMemberId");


CREATE INDEX "IX_activity_participants_DistrictId_TeamMemberId" ON "activity_participants" ("DistrictId", "TeamMemberId");


CREATE INDEX "IX_activity_photos_DistrictId_ActivityId" ON "activity_photos" ("DistrictId", "ActivityId");


CREATE UNIQUE INDEX "IX_agenda_items_DistrictId_MeetingId_TopicId" ON "agenda_items" ("DistrictId", "MeetingId", "TopicId");


CREATE INDEX "IX_agenda_items_DistrictId_TopicId" ON "agenda_items" ("DistrictId", "TopicId");


CREATE INDEX "IX_areas_DistrictId_ParentId" ON "areas" ("DistrictId", "ParentId");


CREATE UNIQUE INDEX "IX_areas_DistrictId_Path" ON "areas" ("DistrictId", "Path");


CREATE INDEX "IX_audit_entries_DistrictId_At" ON "audit_entries" ("DistrictId", "At");


CREATE INDEX "IX_audit_entries_DistrictId_EntityType_EntityId_At" ON "audit_entries" ("DistrictId", "EntityType", "EntityId", "At");


CREATE UNIQUE INDEX "IX_audit_entries_DistrictId_Sequence" ON "audit_entries" ("DistrictId", "Sequence");


CREATE INDEX "IX_block_chiefs_DistrictId_ResidentId" ON "block_chiefs" ("DistrictId", "ResidentId");


CREATE INDEX "IX_block_chiefs_DistrictId_ServiceAreaId_EndedOn" ON "block_chiefs" ("DistrictId", "ServiceAreaId", "EndedOn");


CREATE INDEX "IX_block_chiefs_DistrictId_UserId" ON "block_chiefs" ("DistrictId", "UserId");


CREATE INDEX "IX_common_issues_DistrictId_AreaPath" ON "common_issues" ("DistrictId", "AreaPath");


CREATE INDEX "IX_council_members_DistrictId_CouncilId_EndedOn" ON "council_members" ("DistrictId", "CouncilId", "EndedOn");


CREATE UNIQUE INDEX "IX_council_members_DistrictId_CouncilId_UserId" ON "council_members" ("DistrictId", "CouncilId", "UserId") WHERE "EndedOn" IS NULL AND "UserId" IS NOT NULL;


CREATE INDEX "IX_council_members_DistrictId_UserId" ON "council_members" ("DistrictId", "UserId");


CREATE UNIQUE INDEX "IX_councils_DistrictId_AreaId_Name" ON "councils" ("DistrictId", "AreaId", "Name");


CREATE INDEX "IX_councils_DistrictId_AreaPath" ON "councils" ("DistrictId", "AreaPath");


CREATE UNIQUE INDEX "IX_deadline_rules_DistrictId_Ownership_Urgent" ON "deadline_rules" ("DistrictId", "Ownership", "Urgent");


CREATE INDEX "IX_demand_photos_DistrictId_DemandId" ON "demand_photos" ("DistrictId", "DemandId");


CREATE UNIQUE INDEX "IX_demand_settings_DistrictId" ON "demand_settings" ("DistrictId");


CREATE INDEX "IX_demand_timers_DistrictId_DemandId" ON "demand_timers" ("DistrictId", "DemandId");


CREATE INDEX "IX_demand_timers_FiredAt_DueAt" ON "demand_timers" ("FiredAt", "DueAt");


CREATE INDEX "IX_demands_DistrictId_AreaPath_Status_CreatedAt" ON "demands" ("DistrictId", "AreaPath", "Status", "CreatedAt");


CREATE INDEX "IX_demands_DistrictId_CommonIssueId" ON "demands" ("DistrictId", "CommonIssueId");


CREATE INDEX "IX_demands_DistrictId_CreatedAt_TrackingCode" ON "demands" ("DistrictId", "CreatedAt", "TrackingCode");


CREATE INDEX "IX_demands_DistrictId_DueAt_TrackingCode" ON "demands" ("DistrictId", "DueAt", "TrackingCode");


CREATE INDEX "IX_demands_DistrictId_Level_Status_AreaPath" ON "demands" ("DistrictId", "Level", "Status", "AreaPath");


CREATE INDEX "IX_demands_DistrictId_ReporterUserId" ON "demands" ("DistrictId", "ReporterUserId");


CREATE UNIQUE INDEX "IX_demands_DistrictId_TrackingCode" ON "demands" ("DistrictId", "TrackingCode");


CREATE INDEX "IX_demands_DistrictId_UnitId_Status" ON "demands" ("DistrictId", "UnitId", "Status");


CREATE INDEX "IX_evaluation_criteria_DistrictId_RoundId_Order" ON "evaluation_criteria" ("DistrictId", "RoundId", "Order");


CREATE UNIQUE INDEX "IX_evaluation_evaluators_DistrictId_RoundId_UserId" ON "evaluation_evaluators" ("DistrictId", "RoundId", "UserId");


CREATE UNIQUE INDEX "IX_evaluation_rounds_DistrictId_AreaId_Kind_Period" ON "evaluation_rounds" ("DistrictId", "AreaId", "Kind", "Period");


CREATE INDEX "IX_evaluation_rounds_DistrictId_AreaPath_Status" ON "evaluation_rounds" ("DistrictId", "AreaPath", "Status");


CREATE UNIQUE INDEX "IX_evaluation_score_items_DistrictId_ScoreId_CriterionId" ON "evaluation_score_items" ("DistrictId", "ScoreId", "CriterionId");


CREATE UNIQUE INDEX "IX_evaluation_scores_DistrictId_RoundId_EvaluatorUserId_ServiceAreaId" ON "evaluation_scores" ("DistrictId", "RoundId", "EvaluatorUserId", "ServiceAreaId");


CREATE INDEX "IX_evaluation_scores_DistrictId_RoundId_ServiceAreaId" ON "evaluation_scores" ("DistrictId", "RoundId", "ServiceAreaId");


CREATE INDEX "IX_follow_up_reviews_DistrictId_TopicId" ON "follow_up_reviews" ("DistrictId", "TopicId");


CREATE UNIQUE INDEX "IX_handling_units_DistrictId_Name" ON "handling_units" ("DistrictId", "Name");


CREATE INDEX "IX_household_visits_DistrictId_AreaPath_VisitedOn" ON "household_visits" ("DistrictId", "AreaPath", "VisitedOn");


CREATE INDEX "IX_household_visits_DistrictId_HouseholdId" ON "household_visits" ("DistrictId", "HouseholdId");


CREATE INDEX "IX_household_visits_DistrictId_ServiceAreaId_VisitedOn" ON "household_visits" ("DistrictId", "ServiceAreaId", "VisitedOn");


CREATE UNIQUE INDEX "IX_households_DistrictId_AreaId_HouseNumber" ON "households" ("DistrictId", "AreaId", "HouseNumber");


CREATE INDEX "IX_households_DistrictId_AreaPath_HouseNumber" ON "households" ("DistrictId", "AreaPath", "HouseNumber");


CREATE UNIQUE INDEX "IX_idempotent_submissions_Scope_Key" ON "idempotent_submissions" ("Scope", "Key");


CREATE INDEX "IX_implementation_tasks_DistrictId_AreaPath_Status_DueOn" ON "implementation_tasks" ("DistrictId", "AreaPath", "Status", "DueOn");


CREATE INDEX "IX_implementation_tasks_DistrictId_OwnerUserId_Status" ON "implementation_tasks" ("DistrictId", "OwnerUserId", "Status");


CREATE INDEX "IX_implementation_tasks_DistrictId_TopicId" ON "implementation_tasks" ("DistrictId", "TopicId");


CREATE UNIQUE INDEX "IX_meeting_attendances_DistrictId_MeetingId_CouncilMemberId" ON "meeting_attendances" ("DistrictId", "MeetingId", "CouncilMemberId");


CREATE INDEX "IX_meeting_documents_DistrictId_MeetingId" ON "meeting_documents" ("DistrictId", "MeetingId");


CREATE INDEX "IX_meetings_DistrictId_AreaPath_StartsAt" ON "meetings" ("DistrictId", "AreaPath", "StartsAt");


CREATE UNIQUE INDEX "IX_meetings_DistrictId_CheckInToken" ON "meetings" ("DistrictId", "CheckInToken");


CREATE UNIQUE INDEX "IX_meetings_DistrictId_CouncilId_SlotKey" ON "meetings" ("DistrictId", "CouncilId", "SlotKey");


CREATE INDEX "IX_meetings_DistrictId_CouncilId_StartsAt" ON "meetings" ("DistrictId", "CouncilId", "StartsAt");


CREATE UNIQUE INDEX "IX_meetings_DistrictId_Number" ON "meetings" ("DistrictId", "Number");


CREATE INDEX "IX_meetings_ReminderSentAt_StartsAt" ON "meetings" ("ReminderSentAt", "StartsAt");


CREATE UNIQUE INDEX "IX_member_evaluations_DistrictId_RoundId_HouseholdId" ON "member_evaluations" ("DistrictId", "RoundId", "HouseholdId");


CREATE INDEX "IX_member_evaluations_DistrictId_RoundId_ServiceAreaId" ON "member_evaluations" ("DistrictId", "RoundId", "ServiceAreaId");


CREATE UNIQUE INDEX "IX_minutes_approvals_DistrictId_MeetingId_CouncilMemberId" ON "minutes_approvals" ("DistrictId", "MeetingId", "CouncilMemberId");


CREATE INDEX "IX_notifications_DistrictId_UserId_CreatedAt_Id" ON "notifications" ("DistrictId", "UserId", "CreatedAt", "Id");


CREATE INDEX "IX_notifications_DistrictId_UserId_ReadAt" ON "notifications" ("DistrictId", "UserId", "ReadAt");


CREATE INDEX "IX_objections_DistrictId_ResolutionId" ON "objections" ("DistrictId", "ResolutionId");


CREATE INDEX "IX_outbox_messages_DistrictId_CreatedAt_Id" ON "outbox_messages" ("DistrictId", "CreatedAt", "Id");


CREATE INDEX "IX_outbox_messages_DistrictId_Status_CreatedAt" ON "outbox_messages" ("DistrictId", "Status", "CreatedAt");


CREATE INDEX "IX_outbox_messages_Status_NextAttemptAt" ON "outbox_messages" ("Status", "NextAttemptAt");


CREATE INDEX "IX_phone_verifications_DistrictId_CreatedAt" ON "phone_verifications" ("DistrictId", "CreatedAt");


CREATE INDEX "IX_phone_verifications_Phone_Purpose_CreatedAt" ON "phone_verifications" ("Phone", "Purpose", "CreatedAt");


CREATE INDEX "IX_point_appeals_DistrictId_AreaPath_Status" ON "point_appeals" ("DistrictId", "AreaPath", "Status");


CREATE INDEX "IX_point_appeals_DistrictId_HouseholdId" ON "point_appeals" ("DistrictId", "HouseholdId");


CREATE UNIQUE INDEX "IX_point_appeals_DistrictId_OpenEntryId" ON "point_appeals" ("DistrictId", "OpenEntryId");


CREATE INDEX "IX_point_appeals_DistrictId_PointEntryId" ON "point_appeals" ("DistrictId", "PointEntryId");


CREATE INDEX "IX_point_entries_DistrictId_AreaPath_OccurredOn" ON "point_entries" ("DistrictId", "AreaPath", "OccurredOn");


CREATE INDEX "IX_point_entries_DistrictId_HouseholdId_OccurredOn_Id" ON "point_entries" ("DistrictId", "HouseholdId", "OccurredOn", "Id");


CREATE INDEX "IX_point_entries_DistrictId_PointRuleId" ON "point_entries" ("DistrictId", "PointRuleId");


CREATE UNIQUE INDEX "IX_point_entries_DistrictId_ReversesEntryId" ON "point_entries" ("DistrictId", "ReversesEntryId");


CREATE UNIQUE INDEX "IX_point_entry_photos_DistrictId_PointEntryId" ON "point_entry_photos" ("DistrictId", "PointEntryId");


CREATE UNIQUE INDEX "IX_point_list_versions_DistrictId_PointListId_Number" ON "point_list_versions" ("DistrictId", "PointListId", "Number");


CREATE INDEX "IX_point_list_versions_DistrictId_PointListId_Status_EffectiveFrom" ON "point_list_versions" ("DistrictId", "PointListId", "Status", "EffectiveFrom");


CREATE UNIQUE INDEX "IX_point_lists_DistrictId_AreaId" ON "point_lists" ("DistrictId", "AreaId");


CREATE INDEX "IX_point_lists_DistrictId_AreaPath" ON "point_lists" ("DistrictId", "AreaPath");


CREATE UNIQUE INDEX "IX_point_rules_DistrictId_PointListVersionId_Code" ON "point_rules" ("DistrictId", "PointListVersionId", "Code");


CREATE INDEX "IX_resident_link_requests_DistrictId_Status_AreaPath" ON "resident_link_requests" ("DistrictId", "Status", "AreaPath");


CREATE INDEX "IX_resident_link_requests_DistrictId_UserId" ON "resident_link_requests" ("DistrictId", "UserId");


CREATE INDEX "IX_resident_services_DistrictId_AreaPath_CreatedAt" ON "resident_services" ("DistrictId", "AreaPath", "CreatedAt");


CREATE INDEX "IX_resident_services_DistrictId_AssigneeUserId_Status" ON "resident_services" ("DistrictId", "AssigneeUserId", "Status");


CREATE INDEX "IX_resident_services_DistrictId_RequestedByUserId" ON "resident_services" ("DistrictId", "RequestedByUserId");


CREATE INDEX "IX_resident_services_DistrictId_ServiceAreaId_Status_CreatedAt" ON "resident_services" ("DistrictId", "ServiceAreaId", "Status", "CreatedAt");


CREATE INDEX "IX_residents_DistrictId_Name" ON "residents" ("DistrictId", "Name");


CREATE INDEX "IX_residents_DistrictId_Phone" ON "residents" ("DistrictId", "Phone");


CREATE INDEX "IX_residents_HouseholdId" ON "residents" ("HouseholdId");


CREATE INDEX "IX_resolutions_DistrictId_AreaPath_DecidedAt" ON "resolutions" ("DistrictId", "AreaPath", "DecidedAt");


CREATE UNIQUE INDEX "IX_resolutions_DistrictId_Number" ON "resolutions" ("DistrictId", "Number");


CREATE INDEX "IX_resolutions_DistrictId_TopicId" ON "resolutions" ("DistrictId", "TopicId");


CREATE INDEX "IX_resolutions_Status_NoticeEndsAt" ON "resolutions" ("Status", "NoticeEndsAt");


CREATE INDEX "IX_role_assignments_DistrictId_AreaPath_Role" ON "role_assignments" ("DistrictId", "AreaPath", "Role");


CREATE INDEX "IX_role_assignments_DistrictId_UserId" ON "role_assignments" ("DistrictId", "UserId");


CREATE INDEX "IX_roster_imports_DistrictId_AreaPath_CreatedAt" ON "roster_imports" ("DistrictId", "AreaPath", "CreatedAt");


CREATE INDEX "IX_service_activities_DistrictId_AreaPath_HeldOn" ON "service_activities" ("DistrictId", "AreaPath", "HeldOn");


CREATE INDEX "IX_service_activities_DistrictId_ServiceAreaId_HeldOn" ON "service_activities" ("DistrictId", "ServiceAreaId", "HeldOn");


CREATE INDEX "IX_service_area_groups_DistrictId_AreaId" ON "service_area_groups" ("DistrictId", "AreaId");


CREATE UNIQUE INDEX "IX_service_area_groups_DistrictId_ServiceAreaId_AreaId" ON "service_area_groups" ("DistrictId", "ServiceAreaId", "AreaId");


CREATE UNIQUE INDEX "IX_service_area_households_DistrictId_HouseholdId" ON "service_area_households" ("DistrictId", "HouseholdId");


CREATE INDEX "IX_service_area_households_DistrictId_ServiceAreaId" ON "service_area_households" ("DistrictId", "ServiceAreaId");


CREATE INDEX "IX_service_area_posts_DistrictId_ResidentId" ON "service_area_posts" ("DistrictId", "ResidentId");


CREATE INDEX "IX_service_area_posts_DistrictId_ServiceAreaId_EndedOn" ON "service_area_posts" ("DistrictId", "ServiceAreaId", "EndedOn");


CREATE INDEX "IX_service_area_posts_DistrictId_UserId" ON "service_area_posts" ("DistrictId", "UserId");


CREATE UNIQUE INDEX "IX_service_areas_DistrictId_AreaId_Name" ON "service_areas" ("DistrictId", "AreaId", "Name");


CREATE INDEX "IX_service_areas_DistrictId_AreaPath" ON "service_areas" ("DistrictId", "AreaPath");


CREATE INDEX "IX_task_photos_DistrictId_TaskUpdateId" ON "task_photos" ("DistrictId", "TaskUpdateId");


CREATE INDEX "IX_task_updates_DistrictId_TaskId_At" ON "task_updates" ("DistrictId", "TaskId", "At");


CREATE INDEX "IX_team_members_DistrictId_ResidentId" ON "team_members" ("DistrictId", "ResidentId");


CREATE INDEX "IX_team_members_DistrictId_ServiceAreaId_EndedOn" ON "team_members" ("DistrictId", "ServiceAreaId", "EndedOn");


CREATE INDEX "IX_team_members_DistrictId_UserId" ON "team_members" ("DistrictId", "UserId");


CREATE INDEX "IX_topic_comments_DistrictId_TopicId_CreatedAt" ON "topic_comments" ("DistrictId", "TopicId", "CreatedAt");


CREATE INDEX "IX_topic_demands_DistrictId_DemandId" ON "topic_demands" ("DistrictId", "DemandId");


CREATE UNIQUE INDEX "IX_topic_demands_DistrictId_TopicId_DemandId" ON "topic_demands" ("DistrictId", "TopicId", "DemandId");


CREATE INDEX "IX_topic_events_DistrictId_TopicId_At" ON "topic_events" ("DistrictId", "TopicId", "At");


CREATE INDEX "IX_topics_DistrictId_AreaPath_Stage" ON "topics" ("DistrictId", "AreaPath", "Stage");


CREATE INDEX "IX_topics_DistrictId_CouncilId_Stage" ON "topics" ("DistrictId", "CouncilId", "Stage");


CREATE UNIQUE INDEX "IX_triage_rules_DistrictId_Keyword" ON "triage_rules" ("DistrictId", "Keyword");


CREATE UNIQUE INDEX "IX_two_factor_requirements_DistrictId_Role" ON "two_factor_requirements" ("DistrictId", "Role");


CREATE UNIQUE INDEX "IX_unit_members_DistrictId_UnitId_UserId" ON "unit_members" ("DistrictId", "UnitId", "UserId");


CREATE INDEX "IX_unit_members_DistrictId_UserId" ON "unit_members" ("DistrictId", "UserId");


CREATE INDEX "IX_user_claims_UserId" ON "user_claims" ("UserId");


CREATE INDEX "IX_user_logins_UserId" ON "user_logins" ("UserId");


CREATE INDEX "EmailIndex" ON "users" ("NormalizedEmail");


CREATE INDEX "IX_users_DistrictId_Kind" ON "users" ("DistrictId", "Kind");


CREATE INDEX "IX_users_DistrictId_PhoneNumber" ON "users" ("DistrictId", "PhoneNumber");


CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("NormalizedUserName");


CREATE INDEX "IX_visit_suggestions_DistrictId_AreaPath_CreatedAt" ON "visit_suggestions" ("DistrictId", "AreaPath", "CreatedAt");


CREATE INDEX "IX_visit_suggestions_DistrictId_ServiceAreaId_AnsweredAt" ON "visit_suggestions" ("DistrictId", "ServiceAreaId", "AnsweredAt");


CREATE INDEX "IX_visit_suggestions_DistrictId_VisitId" ON "visit_suggestions" ("DistrictId", "VisitId");


CREATE UNIQUE INDEX "IX_volunteer_teams_DistrictId_ServiceAreaId" ON "volunteer_teams" ("DistrictId", "ServiceAreaId");


CREATE UNIQUE INDEX "IX_votes_DistrictId_MeetingId_TopicId_CouncilMemberId" ON "votes" ("DistrictId", "MeetingId", "TopicId", "CouncilMemberId");


