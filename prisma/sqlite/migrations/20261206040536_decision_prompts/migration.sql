-- CreateTable
CREATE TABLE "DecisionPrompt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "decisionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionPrompt_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DecisionPrompt_personId_idx" ON "DecisionPrompt"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionPrompt_decisionId_platform_workspaceId_channelId_messageId_key" ON "DecisionPrompt"("decisionId", "platform", "workspaceId", "channelId", "messageId");

