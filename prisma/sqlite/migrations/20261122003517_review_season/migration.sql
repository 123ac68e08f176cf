-- AlterTable
ALTER TABLE "ScheduledSend" ADD COLUMN "lastAttemptAt" DATETIME;
ALTER TABLE "ScheduledSend" ADD COLUMN "nextAttemptAt" DATETIME;

-- CreateTable
CREATE TABLE "ReviewSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "submittedById" TEXT,
    "submittedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewSubmission_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MembershipConfirmation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "resident" BOOLEAN NOT NULL,
    "member" BOOLEAN NOT NULL DEFAULT true,
    "confirmedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MembershipConfirmation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MembershipConfirmation" ("confirmedAt", "id", "personId", "resident", "year") SELECT "confirmedAt", "id", "personId", "resident", "year" FROM "MembershipConfirmation";
DROP TABLE "MembershipConfirmation";
ALTER TABLE "new_MembershipConfirmation" RENAME TO "MembershipConfirmation";
CREATE UNIQUE INDEX "MembershipConfirmation_personId_year_key" ON "MembershipConfirmation"("personId", "year");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ReviewSubmission_partnershipId_year_key" ON "ReviewSubmission"("partnershipId", "year");

