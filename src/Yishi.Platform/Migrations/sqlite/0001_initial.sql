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
    "Note" TEXT NULL
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


CREATE TABLE "two_factor_requirements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_two_factor_requirements" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL
);


CREATE TABLE "users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "DistrictId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ResidentId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeactivatedAt" TEXT NULL,
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


CREATE INDEX "IX_areas_DistrictId_ParentId" ON "areas" ("DistrictId", "ParentId");


CREATE UNIQUE INDEX "IX_areas_DistrictId_Path" ON "areas" ("DistrictId", "Path");


CREATE INDEX "IX_audit_entries_DistrictId_At" ON "audit_entries" ("DistrictId", "At");


CREATE INDEX "IX_audit_entries_DistrictId_EntityType_EntityId_At" ON "audit_entries" ("DistrictId", "EntityType", "EntityId", "At");


CREATE UNIQUE INDEX "IX_households_DistrictId_AreaId_HouseNumber" ON "households" ("DistrictId", "AreaId", "HouseNumber");


CREATE INDEX "IX_households_DistrictId_AreaPath_HouseNumber" ON "households" ("DistrictId", "AreaPath", "HouseNumber");


CREATE INDEX "IX_residents_DistrictId_Name" ON "residents" ("DistrictId", "Name");


CREATE INDEX "IX_residents_DistrictId_Phone" ON "residents" ("DistrictId", "Phone");


CREATE INDEX "IX_residents_HouseholdId" ON "residents" ("HouseholdId");


CREATE INDEX "IX_role_assignments_DistrictId_AreaPath_Role" ON "role_assignments" ("DistrictId", "AreaPath", "Role");


CREATE INDEX "IX_role_assignments_DistrictId_UserId" ON "role_assignments" ("DistrictId", "UserId");


CREATE INDEX "IX_roster_imports_DistrictId_AreaPath_CreatedAt" ON "roster_imports" ("DistrictId", "AreaPath", "CreatedAt");


CREATE UNIQUE INDEX "IX_two_factor_requirements_DistrictId_Role" ON "two_factor_requirements" ("DistrictId", "Role");


CREATE INDEX "IX_user_claims_UserId" ON "user_claims" ("UserId");


CREATE INDEX "IX_user_logins_UserId" ON "user_logins" ("UserId");


CREATE INDEX "EmailIndex" ON "users" ("NormalizedEmail");


CREATE INDEX "IX_users_DistrictId_Kind" ON "users" ("DistrictId", "Kind");


CREATE INDEX "IX_users_DistrictId_PhoneNumber" ON "users" ("DistrictId", "PhoneNumber");


CREATE UNIQUE INDEX "UserNameIndex" ON "users" ("NormalizedUserName");


