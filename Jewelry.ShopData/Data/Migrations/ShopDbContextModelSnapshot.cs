using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jewelry.ShopData.Data.Migrations;

// The model as of the latest migration. EF Core compares it with the live model at Migrate() and
// refuses to run when they differ; update it together with each new migration.
[DbContext(typeof(ShopDbContext))]
public sealed class ShopDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.0")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("Jewelry.ShopData.Domain.Order", b =>
        {
            b.Property<Guid>("Id").HasColumnType("uuid").HasColumnName("id");
            b.Property<string>("CustomerId").IsRequired().HasColumnType("text").HasColumnName("customer_id");
            b.Property<string>("ProductType").IsRequired().HasColumnType("text").HasColumnName("product_type");
            b.Property<string>("Material").IsRequired().HasColumnType("text").HasColumnName("material");
            b.Property<string>("Size").HasColumnType("text").HasColumnName("size");
            b.Property<string>("Notes").HasColumnType("text").HasColumnName("notes");
            b.Property<string>("Status").IsRequired().HasColumnType("text").HasColumnName("status");
            b.Property<decimal?>("Price").HasPrecision(12, 2).HasColumnType("numeric(12,2)").HasColumnName("price");
            b.Property<string>("Currency").HasMaxLength(3).HasColumnType("character varying(3)").HasColumnName("currency");
            b.Property<string>("FailureReason").HasColumnType("text").HasColumnName("failure_reason");
            b.Property<string>("ModelObjectKey").HasColumnType("text").HasColumnName("model_object_key");
            b.Property<long?>("ModelSizeBytes").HasColumnType("bigint").HasColumnName("model_size_bytes");
            b.Property<string>("ModelFileName").HasColumnType("text").HasColumnName("model_file_name");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("timestamp with time zone").HasColumnName("created_at");
            b.Property<DateTimeOffset>("UpdatedAt").HasColumnType("timestamp with time zone").HasColumnName("updated_at");
            b.Property<DateTimeOffset>("StatusChangedAt").HasColumnType("timestamp with time zone").HasColumnName("status_changed_at");
            b.Property<uint>("Version").IsConcurrencyToken().ValueGeneratedOnAddOrUpdate().HasColumnType("xid").HasColumnName("xmin");

            b.HasKey("Id").HasName("pk_orders");
            b.HasIndex("CustomerId").HasDatabaseName("ix_orders_customer_id");
            b.HasIndex("Status").HasDatabaseName("ix_orders_status");
            b.ToTable("orders");
        });

        modelBuilder.Entity("Jewelry.ShopData.Domain.OrderStatusChange", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("bigint").HasColumnName("id");
            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));
            b.Property<Guid>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<string>("FromStatus").HasColumnType("text").HasColumnName("from_status");
            b.Property<string>("ToStatus").IsRequired().HasColumnType("text").HasColumnName("to_status");
            b.Property<DateTimeOffset>("ChangedAt").HasColumnType("timestamp with time zone").HasColumnName("changed_at");
            b.Property<string>("Source").IsRequired().HasColumnType("text").HasColumnName("source");
            b.Property<string>("ActorId").HasColumnType("text").HasColumnName("actor_id");

            b.HasKey("Id").HasName("pk_order_status_history");
            b.HasIndex("OrderId", "ChangedAt").HasDatabaseName("ix_order_status_history_order_id_changed_at");
            b.ToTable("order_status_history");
        });

        modelBuilder.Entity("Jewelry.ShopData.Domain.OrderStatusChange", b =>
            b.HasOne("Jewelry.ShopData.Domain.Order", null)
                .WithMany("StatusHistory")
                .HasForeignKey("OrderId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired()
                .HasConstraintName("fk_order_status_history_orders_order_id"));

        modelBuilder.Entity("Jewelry.ShopData.Domain.Order", b => b.Navigation("StatusHistory"));
    }
}
