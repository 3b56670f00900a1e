using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KitchenWorkflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class EndedInstancesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_FinishedAt",
                table: "WorkflowInstances",
                columns: new[] { "Status", "FinishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Status_FinishedAt",
                table: "WorkflowInstances");
        }
    }
}
