-- CreateTable
CREATE TABLE "Relative" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "links" TEXT NOT NULL DEFAULT '[]',
    "interests" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Relative_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Relative_partnershipId_idx" ON "Relative"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Relative_partnershipId_name_key" ON "Relative"("partnershipId", "name");

-- AddForeignKey
ALTER TABLE "Relative" ADD CONSTRAINT "Relative_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Relatives are part of the roster: any change bumps the cache version (as for "Relationship").
CREATE TRIGGER "Relative_roster_version" AFTER INSERT OR UPDATE OR DELETE ON "Relative" FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();
