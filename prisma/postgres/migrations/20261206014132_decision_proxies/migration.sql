-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "byProxy" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Proxy" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "appointerId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proxy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Proxy_decisionId_appointerId_key" ON "Proxy"("decisionId", "appointerId");

-- CreateIndex
CREATE UNIQUE INDEX "Proxy_decisionId_holderId_key" ON "Proxy"("decisionId", "holderId");

-- AddForeignKey
ALTER TABLE "Proxy" ADD CONSTRAINT "Proxy_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- An appointment changes what the decision's cached state holds: bump its version, as for votes.
CREATE TRIGGER "Proxy_decision_version" AFTER INSERT OR UPDATE OR DELETE ON "Proxy" FOR EACH ROW EXECUTE FUNCTION "bump_decision_version"();
