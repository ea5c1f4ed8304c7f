import { Alert, Form, Input, InputNumber, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { UnitKind, UnitView } from "../../../contracts/organisations";
import { showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { useCreateUnit, useUpdateUnit } from "./api";
import { kindOptions } from "./labels";

interface Values {
  name: string;
  shortName?: string;
  kind: UnitKind;
  sortOrder?: number;
  tree?: string;
}

/**
 * Creates a unit under `parent` (or, for admins, a root of `rootTree`) or renames `unit`.
 * Exactly one of the modes is active: `unit` set = rename.
 */
export function UnitFormDialog({
  open,
  onClose,
  parent,
  unit,
  rootTree,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  parent?: UnitView | null;
  unit?: UnitView | null;
  rootTree?: string;
  onCreated?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const editing = Boolean(unit);
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.setFieldsValue(
      unit
        ? { name: unit.name, shortName: unit.shortName ?? undefined, kind: unit.kind as UnitKind, sortOrder: unit.sortOrder }
        : { name: "", shortName: undefined, kind: parent?.kind === "xa" ? "phong" : "other", sortOrder: 0, tree: rootTree },
    );
    // Reset only when the dialog opens, not on every render of the unit list behind it.
  }, [open]);

  const submit = (values: Values) => {
    const shortName = values.shortName?.trim() ? values.shortName.trim() : null;
    if (unit) {
      update.mutate(
        { id: unit.id, name: values.name, shortName, kind: values.kind, sortOrder: values.sortOrder, version: unit.version },
        {
          onSuccess: () => {
            showSuccess(t("organisations.saved"));
            onClose();
          },
          onError: () => undefined,
        },
      );
      return;
    }
    create.mutate(
      {
        name: values.name,
        shortName,
        kind: values.kind,
        sortOrder: values.sortOrder,
        ...(parent ? { parentId: parent.id } : { parentId: null, tree: values.tree }),
      },
      {
        onSuccess: (created) => {
          showSuccess(t("organisations.created"));
          onCreated?.((created as { id: string }).id);
          onClose();
        },
        onError: () => undefined,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={
        editing
          ? t("organisations.renameTitle", { name: unit?.name })
          : parent
            ? t("organisations.createTitle", { name: parent.name })
            : t("organisations.createRootTitle")
      }
      okText={editing ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("unit-form-submit")}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="unit-form-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t("organisations.name")}
          rules={[{ required: true, whitespace: true, message: t("organisations.nameRequired") }]}
        >
          <Input maxLength={300} data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t("organisations.shortName")}>
          <Input maxLength={100} data-testid="unit-form-short-name" />
        </Form.Item>
        <Form.Item name="kind" label={t("organisations.kind")} rules={[{ required: true }]}>
          <Select options={kindOptions(t)} showSearch={{ optionFilterProp: "label" }} data-testid="unit-form-kind" />
        </Form.Item>
        {!editing && !parent && (
          <Form.Item
            name="tree"
            label={t("organisations.tree")}
            extra={t("organisations.treeHelp")}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,39}$/, message: t("organisations.treeInvalid") }]}
          >
            <Input maxLength={40} data-testid="unit-form-tree" />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label={t("organisations.sortOrder")}>
          <InputNumber min={-1_000_000} max={1_000_000} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
