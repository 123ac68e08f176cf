-- CreateTable
CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enterpriseId" TEXT,
    "teamId" TEXT,
    "isEnterprise" BOOLEAN NOT NULL DEFAULT false,
    "teamIds" TEXT NOT NULL DEFAULT '[]',
    "keyId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SlackInstallation_enterpriseId_idx" ON "SlackInstallation"("enterpriseId");

