-- AlterTable
ALTER TABLE "Person" ADD COLUMN "membershipFormReference" TEXT;
ALTER TABLE "Person" ADD COLUMN "membershipFormSignedOn" DATETIME;

