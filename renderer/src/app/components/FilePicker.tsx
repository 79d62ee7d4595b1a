import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useRef } from 'react';
import { formatBytes } from './AttachmentList';

/** Props of {@link FilePicker}. */
export interface FilePickerProps {
  readonly files: readonly File[];
  readonly onChange: (files: File[]) => void;
  /** The button's label (each feature translates its own). */
  readonly label: string;
  readonly testId?: string;
}

/**
 * Files chosen for a document not written yet (a post, a notice): a button opening the file
 * dialog and the chosen files, each removable. Nothing is stored until the form is saved.
 */
export function FilePicker({ files, onChange, label, testId }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space wrap>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid={testId}
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (chosen.length > 0) onChange([...files, ...chosen]);
        }}
      />
      <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>
        {label}
      </Button>
      {files.map((f, i) => (
        <Tag
          key={`${f.name}-${i}`}
          closable
          closeIcon={<CloseOutlined />}
          onClose={() => onChange(files.filter((_, j) => j !== i))}
        >
          {f.name} · {formatBytes(f.size)}
        </Tag>
      ))}
    </Space>
  );
}
