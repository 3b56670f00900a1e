using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KitchenWorkflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InstanceListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CorrelationId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CreatedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_InstanceTags_Name_Value",
                table: "InstanceTags");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "InstanceTags",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Existing tags take their instance's creation time, which the list by tag orders on.
            migrationBuilder.Sql("""
                UPDATE "InstanceTags" SET "CreatedAt" =
                    (SELECT "CreatedAt" FROM "WorkflowInstances" WHERE "WorkflowInstances"."Id" = "InstanceTags"."InstanceId")
                WHERE EXISTS (SELECT 1 FROM "WorkflowInstances" WHERE "WorkflowInstances"."Id" = "InstanceTags"."InstanceId")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CorrelationId_CreatedAt_Id",
                table: "WorkflowInstances",
                columns: new[] { "CorrelationId", "CreatedAt", "Id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CreatedAt_Id",
                table: "WorkflowInstances",
                columns: new[] { "CreatedAt", "Id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status_CreatedAt_Id",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "Status", "CreatedAt", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceTags_Name_Value_CreatedAt_InstanceId",
                table: "InstanceTags",
                columns: new[] { "Name", "Value", "CreatedAt", "InstanceId" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CorrelationId_CreatedAt_Id",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CreatedAt_Id",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status_CreatedAt_Id",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_InstanceTags_Name_Value_CreatedAt_InstanceId",
                table: "InstanceTags");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "InstanceTags");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CorrelationId",
                table: "WorkflowInstances",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CreatedAt",
                table: "WorkflowInstances",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InstanceTags_Name_Value",
                table: "InstanceTags",
                columns: new[] { "Name", "Value" });
        }
    }
}
