using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KitchenWorkflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RetentionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status_FinishedAt",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "Status", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyKeys_InstanceId",
                table: "IdempotencyKeys",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status_FinishedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_IdempotencyKeys_InstanceId",
                table: "IdempotencyKeys");
        }
    }
}
