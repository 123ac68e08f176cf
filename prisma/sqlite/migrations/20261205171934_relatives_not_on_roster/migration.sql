-- CreateTable
CREATE TABLE "Relative" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '[]',
    "interests" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Relative_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Relative_partnershipId_idx" ON "Relative"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Relative_partnershipId_name_key" ON "Relative"("partnershipId", "name");


-- Relatives are part of the roster: any change bumps the cache version (as for "Relationship").
CREATE TRIGGER "Relative_roster_version_insert" AFTER INSERT ON "Relative" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = NEW."partnershipId"; END;
CREATE TRIGGER "Relative_roster_version_update" AFTER UPDATE ON "Relative" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" IN (OLD."partnershipId", NEW."partnershipId"); END;
CREATE TRIGGER "Relative_roster_version_delete" AFTER DELETE ON "Relative" BEGIN
  UPDATE "Partnership" SET "rosterVersion" = "rosterVersion" + 1 WHERE "id" = OLD."partnershipId"; END;
