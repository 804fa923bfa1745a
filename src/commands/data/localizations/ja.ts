import { MODEL_INFO, TIER_SPECS } from '../../../percify-catalog.js';
import type { CommandTranslations } from './types.js';

const member = { name: 'メンバー', description: '対象のメンバー' };
const reason = { name: '理由', description: '理由（監査ログに残ります）' };
const channel = { name: 'チャンネル', description: 'テキストチャンネル' };
const phrase = { name: 'フレーズ', description: '単語またはフレーズ' };

export const ja: CommandTranslations = {
  avatar: {
    description: 'プロンプトや自分の写真から AI アバターを作ります',
    options: {
      prompt: {
        name: 'プロンプト',
        description: 'アバターの見た目（空欄にするとフォームで長いプロンプトを書けます）',
      },
      photo: { name: '写真', description: 'アバターにする自分の写真（PNG、JPEG、WebP）、10 クレジット' },
      model: {
        name: 'モデル',
        description: '描く Percify のモデル',
        choices: {
          flux: `flux — 高速、${MODEL_INFO.flux.credits} クレジット`,
          imagen3: `imagen3 — 高品質、${MODEL_INFO.imagen3.credits} クレジット`,
          reality4: `reality4 — 超リアル、${MODEL_INFO.reality4.credits} クレジット`,
        },
      },
      style: {
        name: 'スタイル',
        description: 'スタイルのプリセット',
        choices: {
          professional: 'プロフェッショナル',
          anime: 'アニメ',
          fantasy: 'ファンタジー',
          cyberpunk: 'サイバーパンク',
          renaissance: 'ルネサンス',
          realistic: 'リアル',
        },
      },
      aspect_ratio: { name: 'アスペクト比', description: '画像の形（既定は 1:1）' },
      negative_prompt: { name: 'ネガティブプロンプト', description: '画像に入れたくないもの' },
      guidance: {
        name: 'ガイダンス',
        description: 'プロンプトにどれだけ忠実にするか、1〜20（7〜15 がおすすめ）',
      },
      seed: { name: 'シード', description: '同じ結果を再現するためのシード（空欄ならランダム）' },
      variations: {
        name: 'バリエーション',
        description: '画像の枚数、1 枚ごとに料金がかかります（/help でこのサーバーの上限を確認）',
      },
    },
  },
  animate: {
    description: 'アバターを短い動画にします',
    options: {
      avatar: { name: 'アバター', description: 'どのアバターか（プロンプトか ID を入力）' },
      duration: { name: '長さ', description: '秒数、3 秒から（/help でこのサーバーの上限を確認）' },
      tier: {
        name: 'ティア',
        description: 'Video Studio のティア（既定は basic）',
        choices: {
          basic: `basic — ${TIER_SPECS.basic.resolution}、30 fps`,
          'reality-lab': `reality-lab — ${TIER_SPECS['reality-lab'].resolution}、30/60 fps`,
        },
      },
      motion: {
        name: '動き',
        description: 'アバターの動きの大きさ（既定は「ふつう」）',
        choices: {
          subtle: '控えめ — 呼吸、やさしいまばたき',
          moderate: 'ふつう — 自然な頭の動き',
          dynamic: '大きめ — 全身で、ドラマチックに',
        },
      },
      fps: { name: 'fps', description: '1 秒あたりのフレーム数（60 は reality-lab のみ）', choices: { 60: '60（reality-lab）' } },
      format: { name: '形式', description: 'ファイル形式（既定は mp4）', choices: { mov: 'mov（reality-lab）' } },
      speech: { name: 'セリフ', description: 'アバターが口の動きに合わせて話すセリフ' },
      voice: { name: '声', description: 'セリフの声' },
      language: { name: '言語', description: 'セリフの言語（既定はあなたの言語）' },
    },
  },
  voice: {
    description: '動画用に自分の声をクローンし、一覧表示や削除ができます',
    options: {
      clone: {
        description: '録音から声をクローンします（15 秒〜5 分）、1 回 5 クレジット',
        options: {
          sample: {
            name: '録音',
            description: '自分の声の録音: WAV、MP3、FLAC、M4A、15 秒〜5 分',
          },
          name: { name: '名前', description: '一覧に表示するこの声の名前' },
        },
      },
      list: { description: 'クローンした声を表示します' },
      delete: {
        description: '声を削除します（ここと Percify の両方から）',
        options: { voice: { name: '声', description: '削除する声' } },
      },
    },
  },
  gallery: {
    description: '最近のアバターと動画、/animate で使う ID つき',
    options: { member: { name: 'メンバー', description: 'ほかのメンバーのギャラリー（サーバー管理権限が必要）' } },
  },
  credits: {
    description: '使えるクレジットと最近の支払いを確認します',
    options: { member: { name: 'メンバー', description: '管理者向け: ほかのメンバーのクレジットを見る' } },
  },
  quota: {
    description: 'このサーバーのクレジットの割り当て、予算、制限を設定します（管理者）',
    options: {
      view: { description: 'このサーバーのクォータ設定をすべて表示します' },
      allowance: {
        description: 'メンバー全員に毎日配るクレジットを設定します',
        options: { credits: { name: 'クレジット', description: 'メンバー 1 人あたり 1 日のクレジット' } },
      },
      role: {
        description: 'ロールに専用の 1 日の割り当てを設定します（0 で削除）',
        options: {
          role: { name: 'ロール', description: '対象のロール' },
          credits: { name: 'クレジット', description: 'このロールのメンバーの 1 日のクレジット（0 で削除）' },
        },
      },
      budget: {
        description: 'サーバー全体の 1 日または 1 か月の支出に上限を設けます（0 で解除）',
        options: {
          credits: { name: 'クレジット', description: 'サーバー全体が期間ごとに使えるクレジット（0 で解除）' },
          period: {
            name: '期間',
            description: '1 日ごとか 1 か月ごとか（既定: 前と同じ、なければ 1 日）',
            choices: { day: '1 日', month: '1 か月' },
          },
          show: { name: '表示', description: '予算の残りを /credits に表示する' },
        },
      },
      limits: {
        description: 'ジョブ数、バリエーション、動画の長さ、モデル、ティアを制限します',
        options: {
          concurrent_jobs: { name: '同時ジョブ数', description: '1 人のメンバーが同時に実行できるジョブ数' },
          max_variations: { name: '最大バリエーション', description: '/avatar 1 回あたりの最大画像数' },
          max_video_seconds: { name: '最大動画秒数', description: '動画の最大の長さ（秒）' },
          models: {
            name: 'モデル',
            description: '使えるアバターモデル、カンマ区切り: flux, imagen3, reality4（または "all"）',
          },
          default_model: { name: '既定モデル', description: 'メンバーが選ばなかったときのモデル' },
          tiers: {
            name: 'ティア',
            description: '使える動画ティア',
            choices: {
              'basic,reality-lab': 'basic と reality-lab',
              basic: 'basic のみ',
              'reality-lab': 'reality-lab のみ',
            },
          },
          confirm_above: { name: '確認する金額', description: 'この金額を超えるジョブは確認ボタンを押してもらう' },
        },
      },
      grant: {
        description: '使い切るまで残るクレジットをメンバーに付与します',
        options: { member, credits: { name: 'クレジット', description: '付与するクレジット' }, reason },
      },
      revoke: {
        description: 'メンバーに付与したクレジットの一部を取り消します',
        options: { member, credits: { name: 'クレジット', description: '取り消す付与クレジット' }, reason },
      },
      channels: {
        description: '作成コマンドを使えるチャンネル（空ならどこでも）',
        options: {
          add: { description: 'チャンネルを許可します', options: { channel } },
          remove: { description: 'チャンネルの許可をやめます', options: { channel } },
          clear: { description: 'すべてのチャンネルを再び許可します' },
        },
      },
      blocklist: {
        description: 'プロンプトで拒否する単語やフレーズ（料金がかかる前に止めます）',
        options: {
          add: { description: '単語やフレーズをブロックします', options: { phrase } },
          remove: { description: '単語やフレーズのブロックを解除します', options: { phrase } },
          list: { description: 'ブロック中の単語とフレーズを表示します' },
        },
      },
      alerts: {
        description: 'ボットが管理者に警告するチャンネルを選びます（チャンネルなしで停止）',
        options: { channel: { name: 'チャンネル', description: '警告用のテキストチャンネル' } },
      },
      features: {
        description: '写真アバターと声のクローンのオン・オフ（両方省略で現在の設定を表示）',
        options: {
          photo_avatars: { name: '写真アバター', description: 'メンバーの写真から作るアバター（/avatar photo:）' },
          voice_cloning: { name: '声のクローン', description: 'メンバーが自分の声をクローンする（/voice clone）' },
        },
      },
      usage: {
        description: '使用クレジット、上位メンバー、モデル、ティアをグラフつきで表示します',
        options: {
          period: {
            name: '期間',
            description: 'さかのぼる期間（既定: 1 週間）',
            choices: { day: '今日', week: '過去 7 日', month: '過去 30 日' },
          },
          compare: { name: '比較', description: '各ジョブを Percify のクレジット履歴とも比較する' },
        },
      },
    },
  },
  help: { description: 'このボットでできること、料金、あなたのクレジット' },
};
