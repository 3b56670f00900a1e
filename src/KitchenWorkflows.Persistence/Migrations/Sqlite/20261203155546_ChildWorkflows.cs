using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KitchenWorkflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChildWorkflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParentId",
                table: "WorkflowInstances",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActivityTypeName",
                table: "WorkflowDefinitions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_ParentId",
                table: "WorkflowInstances",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_ActivityTypeName",
                table: "WorkflowDefinitions",
                column: "ActivityTypeName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_ParentId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitions_ActivityTypeName",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "ActivityTypeName",
                table: "WorkflowDefinitions");
        }
    }
}
