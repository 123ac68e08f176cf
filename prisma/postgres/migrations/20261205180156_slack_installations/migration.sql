-- CreateTable
CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "teamId" TEXT,
    "isEnterprise" BOOLEAN NOT NULL DEFAULT false,
    "teamIds" TEXT NOT NULL DEFAULT '[]',
    "keyId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SlackInstallation_enterpriseId_idx" ON "SlackInstallation"("enterpriseId");

