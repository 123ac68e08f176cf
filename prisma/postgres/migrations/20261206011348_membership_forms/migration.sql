-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "membershipFormReference" TEXT,
ADD COLUMN     "membershipFormSignedOn" TIMESTAMP(3);

